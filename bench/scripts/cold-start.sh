#!/usr/bin/env bash
# Standalone cold start of the fat jar to /health/readiness = 200: first start (initdb + migrations) and restarts.
# Usage: bench/scripts/cold-start.sh [restarts]
source "$(dirname "$0")/common.sh"
machine
rm -rf "$WORK/cold"
start_server cold 4200
echo "first start (creates the database): $(wait_ready 4200) s"
stop_server
for i in $(seq 1 "${1:-3}"); do
  start_server cold 4200
  echo "restart $i: $(wait_ready 4200) s"
  stop_server
done
