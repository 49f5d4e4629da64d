#!/usr/bin/env bash
# Replays a matchmaking ticket stream through the real Pool/Pairing on a simulated clock (MatchmakingSimulator).
# Usage: bench/scripts/mm-simulate.sh [stream.csv] [--team-size 2 --widen 20 ...]   (--help lists the options)
#        bench/scripts/mm-simulate.sh --generate 20000 --out stream.csv [--day 3600 --party-share 0.15 --seed 42]
source "$(dirname "$0")/common.sh"
STREAM="$ROOT/bench/data/matchmaking-sample-stream.csv"
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then STREAM=$1; shift; fi
case " $* " in *" --generate "*) STREAM= ;; esac
machine
# shellcheck disable=SC2086
"$JAVA" ${MM_JAVA_OPTS:--XX:+UseCompactObjectHeaders} -cp "$(bench_classpath)" \
  org.gamebackend.matchmaking.internal.MatchmakingSimulator ${STREAM:+"$STREAM"} "$@"
