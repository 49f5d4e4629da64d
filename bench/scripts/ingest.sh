#!/usr/bin/env bash
# Client events ingested end to end into PostgreSQL per second:
#   bench/scripts/ingest.sh [EVENTS] [SENDERS] [standalone|connected|connected-restart] [WARMUP_SECONDS]
# Starts the real server in this JVM (standalone: embedded PostgreSQL under bench/target/run; connected: a fresh
# database on 127.0.0.1:5432 and RabbitMQ on 127.0.0.1:5672) — see IngestLoad.
# connected-restart: the bench's own RabbitMQ node (own-rabbit.sh, port 5698) is restarted a third of the way in.
source "$(dirname "$0")/common.sh"
machine
cd "$ROOT"
if [ "${3:-}" = connected-restart ]; then
  bash bench/scripts/own-rabbit.sh start
  trap 'bash bench/scripts/own-rabbit.sh stop' EXIT
fi
"$JAVA" -XX:+UseCompactObjectHeaders -Xmx2g ${JAVA_OPTS:-} -cp "$(bench_classpath)" org.gamebackend.events.internal.ingest.IngestLoad \
  "${1:-500000}" "${2:-16}" "${3:-standalone}" "${4:-20}"
