#!/usr/bin/env bash
# Stalls the machine imposes on a thread that parks 1 ms at a time (run it beside a benchmark; see Hiccups.java).
# Usage: bench/scripts/hiccups.sh [seconds] [thresholdMs]
source "$(dirname "$0")/common.sh"
"$JAVA" -cp "$(bench_classpath)" org.gamebackend.bench.Hiccups "${1:-10}" "${2:-3}"
