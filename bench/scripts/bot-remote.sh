#!/usr/bin/env bash
# Remote bot decisions per second over ONE gRPC channel to the example policy server (bot-policy-example), unary
# calls and the bidirectional stream, each with INFLIGHT decisions in flight: decisions/s and p50/p99 round trip.
# The server runs in its own JVM on this machine. Usage: bench/scripts/bot-remote.sh [seconds] [warmup] [inflight]
source "$(dirname "$0")/common.sh"
SECONDS_RUN=${1:-30}
WARMUP=${2:-10}
INFLIGHT=${3:-64}
PORT=${BOT_POLICY_PORT:-19090}
EXAMPLE="$ROOT/bot-policy-example"
if [ ! -f "$EXAMPLE/target/classpath.txt" ]; then
  (cd "$ROOT" && ./mvnw -q -pl bot-policy-example dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
fi
machine
"$JAVA" -XX:+UseCompactObjectHeaders --enable-native-access=ALL-UNNAMED -cp "$EXAMPLE/target/classes:$(cat "$EXAMPLE/target/classpath.txt")" \
  org.gamebackend.botpolicy.PolicyServer "$PORT" > "$WORK/bot-policy-server.log" 2>&1 &
POLICY_PID=$!
trap 'kill -TERM $POLICY_PID 2>/dev/null || true; wait $POLICY_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do
  grep -q "listening on port" "$WORK/bot-policy-server.log" 2>/dev/null && break
  kill -0 "$POLICY_PID" 2>/dev/null || { cat "$WORK/bot-policy-server.log"; echo "policy server died" >&2; exit 1; }
  sleep 0.1
done
cat "$WORK/bot-policy-server.log"
for MODE in unary stream; do
  "$JAVA" -XX:+UseCompactObjectHeaders --enable-native-access=ALL-UNNAMED -cp "$(bench_classpath)" \
    org.gamebackend.bench.BotRemoteLoad "localhost:$PORT" "$MODE" "$INFLIGHT" "$SECONDS_RUN" "$WARMUP" "$POLICY_PID"
done
