#!/usr/bin/env bash
# Arena over real sockets: a fresh standalone server (rate limits lifted, 30-minute arena matches), then MATCHES private
# 4-seat arena matches of guests, one WebSocket per player sending inputs at 20 Hz; prints input-to-effect latency
# (send of input n until the first state broadcast with this player's last_seq >= n) and server/client CPU.
# Usage: bench/scripts/arena-socket-load.sh [matches] [seconds] [warmup]   (MATCHES may be a list: "50 100 200")
source "$(dirname "$0")/common.sh"
# a fixed, pre-touched heap: on this VM a first touch of memory is slow enough to stretch GC pauses (docs/benchmarks.md)
# and the image's collector flags (Dockerfile)
export SERVER_OPTS="${SERVER_OPTS:--Xms2g -Xmx2g -XX:+AlwaysPreTouch -XX:+UseG1GC -XX:MaxGCPauseMillis=25 -XX:MaxTenuringThreshold=1}"
machine
for matches in ${1:-100}; do
  rm -rf "$WORK/arena-socket"
  start_server arena-socket 4110 AUTH_RATE_PER_IP=100000000 LOGIN_RATE_PER_ACCOUNT=100000000 \
    GAME_GAMES_ARENAMATCHLENGTH=30m GAME_ENGINE_DROPGRACE=30m
  trap stop_server EXIT
  echo "ready after $(wait_ready 4110) s; load $(cut -d' ' -f1-3 /proc/loadavg)"
  "$JAVA" -XX:+UseCompactObjectHeaders ${CLIENT_OPTS:--Xms1g -Xmx1g -XX:+AlwaysPreTouch} -cp "$(bench_classpath)" org.gamebackend.bench.ArenaSocketLoad \
    http://localhost:4110 "$matches" "${2:-30}" "${3:-10}" "$SERVER_PID" || echo "run with $matches matches failed"
  curl -s localhost:4110/metrics | grep -E '^(game_tick_(duration|lateness)_seconds_(count|sum|max)|game_inputs_dropped_total|phoenix_(outbound_dropped|slow_consumer)[a-z_]*)[{ ]' || true
  stop_server
  trap - EXIT
done
