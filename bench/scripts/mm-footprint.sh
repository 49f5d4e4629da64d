#!/usr/bin/env bash
# Retained heap per waiting matchmaking ticket (PoolFootprint): fills a pool with N tickets, compares heap after GC.
# Usage: bench/scripts/mm-footprint.sh [tickets=100000] [repetitions=5] [party-share=0.15]
source "$(dirname "$0")/common.sh"
machine
# shellcheck disable=SC2086
"$JAVA" ${MM_JAVA_OPTS:--XX:+UseCompactObjectHeaders} -Xms2g -Xmx2g -cp "$(bench_classpath)" \
  org.gamebackend.matchmaking.internal.PoolFootprint "${1:-100000}" "${2:-5}" "${3:-0.15}"
