#!/usr/bin/env bash
# Shared by the bench scripts: JDK 25, the server's fat jar, start/stop a server with its own data dir.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
JAR="${SERVER_JAR:-$(ls "$ROOT"/server/target/game-backend-server-*-exec.jar | head -n1)}"
WORK="$ROOT/bench/target/run"
mkdir -p "$WORK"

bench_classpath() {
  if [ ! -f "$ROOT/bench/target/classpath.txt" ]; then
    (cd "$ROOT" && ./mvnw -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
  fi
  # this checkout's server classes first: the server jar in ~/.m2 is whatever was installed last
  echo "$ROOT/bench/target/classes:$ROOT/server/target/classes:$(cat "$ROOT/bench/target/classpath.txt")"
}

# start_server NAME PORT [env...]: starts the fat jar in the background with data under $WORK/NAME; sets SERVER_PID
start_server() {
  local name=$1 port=$2; shift 2
  env "$@" PORT="$port" GAME_DATA_DIR="$WORK/$name" EMBEDDED_POSTGRES_PORT=$((port + 10000)) \
    "$JAVA" -XX:+UseCompactObjectHeaders ${SERVER_OPTS:-} -jar "$JAR" > "$WORK/$name.log" 2>&1 &
  SERVER_PID=$!
}

# wait_ready PORT: prints seconds until /health/readiness answers 200
wait_ready() {
  local port=$1 t0 t1
  t0=$(date +%s.%N)
  for _ in $(seq 1 1200); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/health/readiness")" = 200 ]; then
      t1=$(date +%s.%N); echo "$t1 - $t0" | bc; return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died" >&2; return 1; }
    sleep 0.05
  done
  echo "not ready" >&2; return 1
}

stop_server() {
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}

machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r), $("$JAVA" -version 2>&1 | head -n1), load $(cut -d' ' -f1-3 /proc/loadavg), DAMON $(damon_state)"
}

# damon_state: on / off / absent — the kernel's memory monitor stalls every thread twice a second while it runs here
# (docs/benchmarks.md, "What the machine takes"; bench/scripts/without-damon.sh runs a command without it)
damon_state() {
  local state=absent
  for f in /sys/kernel/mm/damon/admin/kdamonds/*/state; do
    [ -f "$f" ] || continue
    state=$(cat "$f")
    [ "$state" = on ] && break
  done
  echo "$state"
}
