#!/usr/bin/env bash
# Leaderboard latency at 1,000,000 players, in process and in Redis (127.0.0.1:6379): fill time, memory per entry,
# p50/p99/p99.9 of rank, top-100, around-me and a move; around-me again under a steady stream of moves.
# Usage: bench/scripts/leaderboard.sh [local|redis|both] [players=1000000] [samples=100000] [moves/s=2000]
source "$(dirname "$0")/common.sh"
machine
# shellcheck disable=SC2086
"$JAVA" ${LB_JAVA_OPTS:--XX:+UseCompactObjectHeaders -Xms2g -Xmx2g} -cp "$(bench_classpath)" \
  org.gamebackend.ranking.internal.board.LeaderboardLoad "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
