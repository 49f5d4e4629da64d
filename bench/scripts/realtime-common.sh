# Shared by the realtime benchmarks: classpath, the bench server (the real server + the bench:* channel) and
# heap/off-heap/RSS measurements of it. Sourced, not run.
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
JCMD="$JAVA_HOME/bin/jcmd"
PORT="${PORT:-4100}"
SECRET="bench-secret-that-is-longer-than-32-bytes-0123456789"
OUT=bench/target/realtime
mkdir -p "$OUT"

build_classpath() {
  ./mvnw -B -ntp -q -DskipTests -Dspotless.check.skip=true -pl server,bench package
  ./mvnw -B -ntp -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
  # the server's classes from this checkout, not whatever jar sits in ~/.m2
  CP="bench/target/classes:server/target/classes:$(tr ':' '\n' < bench/target/classpath.txt | grep -v 'game-backend-server' | paste -sd:)"
}

start_server() { # extra JVM options...
  rm -rf "$OUT/data"
  JWT_SECRET="$SECRET" GAME_DATA_DIR="$OUT/data" PORT="$PORT" SOCKET_RATE_PER_SECOND=1000 \
    "$JAVA" -Xms1g -Xmx1g -XX:+AlwaysPreTouch -XX:+UseCompactObjectHeaders -XX:NativeMemoryTracking=summary "$@" \
    -cp "$CP" org.gamebackend.bench.realtime.BenchServer > "$OUT/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "localhost:$PORT/health" > /dev/null && return 0
    sleep 1
  done
  echo "server did not start; see $OUT/server.log" >&2
  exit 1
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}

load() { # SocketLoad arguments...
  "$JAVA" -Xmx2g -cp "$CP" org.gamebackend.bench.realtime.SocketLoad "$@" --url "ws://localhost:$PORT" --secret "$SECRET"
}

# (the heap is pre-touched, so RSS growth is memory outside the heap)
# prints: live heap KB after full GCs, NMT committed KB minus the Java heap, NMT "Other" KB (Netty direct), RSS KB
measure() {
  "$JCMD" "$SERVER_PID" GC.run > /dev/null; sleep 2; "$JCMD" "$SERVER_PID" GC.run > /dev/null; sleep 1
  local heap nmt total javaheap other rss
  heap=$("$JCMD" "$SERVER_PID" GC.heap_info | grep -oP 'garbage-first heap.*used \K[0-9]+')
  nmt=$("$JCMD" "$SERVER_PID" VM.native_memory summary)
  total=$(grep -oP '^Total: reserved=[0-9]+KB, committed=\K[0-9]+' <<< "$nmt")
  javaheap=$(grep -oP 'Java Heap \(reserved=[0-9]+KB, committed=\K[0-9]+' <<< "$nmt")
  other=$(grep -oP '^-\s+Other \(reserved=[0-9]+KB, committed=\K[0-9]+' <<< "$nmt" || echo 0)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status")
  echo "$heap $((total - javaheap)) $other $rss"
}
