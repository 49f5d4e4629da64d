#!/usr/bin/env bash
# Rating jobs applied per second: bench/scripts/rating-jobs.sh [MATCHES] [PLAYERS] [jobrunr|direct] [PARALLELISM]
# Starts the real server in this JVM (standalone, embedded PostgreSQL under bench/target/run) — see RatingJobLoad.
source "$(dirname "$0")/common.sh"
machine
cd "$ROOT"
"$JAVA" -XX:+UseCompactObjectHeaders -Xmx4g -cp "$(bench_classpath)" org.gamebackend.ranking.internal.RatingJobLoad \
  "${1:-20000}" "${2:-100000}" "${3:-jobrunr}" "${4:-4}"
