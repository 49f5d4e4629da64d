#!/usr/bin/env bash
# Runs JMH benchmarks of the bench module: bench/scripts/jmh.sh [regex] [jmh options...]
source "$(dirname "$0")/common.sh"
machine
"$JAVA" -cp "$(bench_classpath)" org.openjdk.jmh.Main "${@:-.*}"
