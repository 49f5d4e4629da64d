#!/usr/bin/env bash
# Sustained arrival in process: 2,000 tickets/s for 60 s into the pools, paired on one thread (MatchmakingArrivalLoad).
# Usage: bench/scripts/mm-arrival.sh [--rate 2000] [--seconds 60] [--warmup 10] [--tail 60] [mode options]
source "$(dirname "$0")/common.sh"
machine
# shellcheck disable=SC2086
"$JAVA" ${MM_JAVA_OPTS:--XX:+UseCompactObjectHeaders -Xms1g -Xmx1g} -cp "$(bench_classpath)" \
  org.gamebackend.matchmaking.internal.MatchmakingArrivalLoad "$@"
