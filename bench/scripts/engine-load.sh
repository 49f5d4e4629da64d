#!/usr/bin/env bash
# In-process engine load: N concurrent 4-player arena matches at 20 Hz with synthetic inputs.
# Usage: bench/scripts/engine-load.sh [matches] [seconds] [warmup] [players|bots]
# ENGINE_HEAP (8g) sizes the fixed, pre-touched heap; the collector flags are the image's (Dockerfile) unless
# ENGINE_GC_BASE says otherwise (set it empty for another collector: ENGINE_GC_BASE= ENGINE_GC=-XX:+UseZGC);
# ENGINE_GC adds flags (-Xlog:gc..., a profiler agent).
# SHOW_BUCKETS=1 prints the lateness histogram; SHOW_TIMELINE=1 prints, every 100 ms, how many ticks were over ~4 ms
# late and any long ticks (JVM uptime, to line up with a GC log); NO_INPUTS=1 runs the matches without inputs.
source "$(dirname "$0")/common.sh"
machine
GC_BASE="${ENGINE_GC_BASE--XX:+UseG1GC -XX:MaxGCPauseMillis=25 -XX:MaxTenuringThreshold=1}"
"$JAVA" -XX:+UseCompactObjectHeaders -Xms${ENGINE_HEAP:-8g} -Xmx${ENGINE_HEAP:-8g} -XX:+AlwaysPreTouch $GC_BASE ${ENGINE_GC:-} -cp "$(bench_classpath)" \
  org.gamebackend.engine.internal.ArenaTickLoad "${1:-10000}" "${2:-30}" "${3:-15}" "${4:-players}"
