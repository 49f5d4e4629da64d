#!/usr/bin/env bash
# Broadcast fan-out: SUBSCRIBERS sockets spread over TOPICS topics; the server broadcasts MESSAGES ticks to every topic
# every INTERVAL_MS ms; the load generator reports messages delivered per second and delivery latency percentiles.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/scripts/realtime-common.sh

build_classpath
start_server
trap stop_server EXIT
load broadcast --subscribers 500 --topics 1 --messages 20 --interval-ms 10 > /dev/null # warm-up
for run in "10000 1" "10000 1000"; do
  read -r subscribers topics <<< "$run"
  echo "== $subscribers subscribers on $topics topic(s), ${MESSAGES:-200} messages every ${INTERVAL_MS:-50} ms, ${SIZE:-100} B padding"
  load broadcast --subscribers "$subscribers" --topics "$topics" --messages "${MESSAGES:-200}" \
    --interval-ms "${INTERVAL_MS:-50}" --size "${SIZE:-100}" | tail -1
done
curl -s "localhost:$PORT/metrics" | grep -E '^phoenix_(broadcast_fanout_seconds_(count|sum|max)|outbound_dropped_total|slow_consumer)'
