#!/usr/bin/env bash
# Idle sockets: CONNECTIONS (default 19000; the machine caps a process at 20,000 open files) authenticated sockets,
# each joined to its user:<id> topic and heartbeating every 30 s; measures the server per socket.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/scripts/realtime-common.sh
CONNECTIONS="${CONNECTIONS:-19000}"

build_classpath
start_server "$@"
trap stop_server EXIT
# warm-up: load the classes of the socket path, then let the sockets go
load idle --connections 500 --hold-seconds 5 > /dev/null
sleep 5
read -r heap0 off0 other0 rss0 < <(measure)
load idle --connections "$CONNECTIONS" --hold-seconds 300 > "$OUT/idle-load.log" 2>&1 &
LOAD_PID=$!
until grep -q READY "$OUT/idle-load.log"; do sleep 2; kill -0 "$LOAD_PID" || { cat "$OUT/idle-load.log"; exit 1; }; done
grep READY "$OUT/idle-load.log"
sleep 40 # past the first heartbeats
OPEN=$(curl -s "localhost:$PORT/metrics" | grep -oP '^phoenix_connections\{[^}]*\} \K[0-9.]+' | cut -d. -f1)
read -r heap1 off1 other1 rss1 < <(measure)
# past the node's cap (open-files limit minus 500) further sockets must be refused with an HTTP status (503)
# while the open ones keep working: a second client process asks for EXTRA more
load idle --connections "${EXTRA:-1000}" --hold-seconds 5 > "$OUT/idle-extra.log" 2>&1 || true
REFUSED=$(grep -c '^socket .*503' "$OUT/idle-extra.log" || true)
sleep 35 # another heartbeat round for the first client's sockets
STILL_OPEN=$(curl -s "localhost:$PORT/metrics" | grep -oP '^phoenix_connections\{[^}]*\} \K[0-9.]+' | cut -d. -f1)
kill "$LOAD_PID" 2>/dev/null || true
awk -v n="$OPEN" -v h0="$heap0" -v h1="$heap1" -v o0="$off0" -v o1="$off1" -v d0="$other0" -v d1="$other1" \
    -v r0="$rss0" -v r1="$rss1" 'BEGIN {
  printf "open sockets (server gauge): %d\n", n
  printf "live heap after GC: %.1f MB -> %.1f MB = %.2f KB per socket\n", h0/1024, h1/1024, (h1-h0)/n
  printf "off-heap (NMT committed minus heap): %.1f MB -> %.1f MB = %.2f KB per socket\n", o0/1024, o1/1024, (o1-o0)/n
  printf "  of which NMT Other (Netty direct): %.2f KB per socket\n", (d1-d0)/n
  printf "RSS: %.1f MB -> %.1f MB = %.2f KB per socket\n", r0/1024, r1/1024, (r1-r0)/n
}'
grep READY "$OUT/idle-extra.log" || true
echo "extra sockets refused with HTTP 503 at the cap: $REFUSED; sockets open afterwards: $STILL_OPEN"
echo "first client's errors (socket closed or refused): $(grep -c 'socket ' "$OUT/idle-load.log" || true)"
