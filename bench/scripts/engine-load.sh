#!/usr/bin/env bash
# In-process engine load: N concurrent 4-player arena matches at 20 Hz with synthetic inputs.
# Usage: bench/scripts/engine-load.sh [matches] [seconds] [warmup] [players|bots]
source "$(dirname "$0")/common.sh"
machine
"$JAVA" -XX:+UseCompactObjectHeaders -Xms${ENGINE_HEAP:-8g} -Xmx${ENGINE_HEAP:-8g} -XX:+AlwaysPreTouch ${ENGINE_GC:-} -cp "$(bench_classpath)" \
  org.gamebackend.engine.internal.ArenaTickLoad "${1:-10000}" "${2:-30}" "${3:-15}" "${4:-players}"
