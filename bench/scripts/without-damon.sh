#!/usr/bin/env bash
# Runs a command with the kernel's DAMON monitor (kdamond, proactive memory reclaim) switched off, and switches it back
# on afterwards, however the command ends. Needs root. On the bench VM DAMON stalls every thread twice a second while a
# large heap is in use (docs/benchmarks.md, "What the machine takes"); this is how the runs without it were made.
# Usage: bench/scripts/without-damon.sh bench/scripts/engine-load.sh 10000 30 20
set -euo pipefail
states=()
for kdamond in /sys/kernel/mm/damon/admin/kdamonds/*/; do
  [ -f "$kdamond/state" ] || continue
  if [ "$(cat "$kdamond/state")" = on ]; then
    states+=("$kdamond/state")
  fi
done
restore() {
  for state in "${states[@]}"; do
    echo on > "$state" || echo "could not switch $state back on" >&2
  done
}
trap restore EXIT
for state in "${states[@]}"; do
  echo off > "$state"
done
echo "DAMON off for this run (${#states[@]} kdamond(s); back on when it ends)" >&2
"$@"
