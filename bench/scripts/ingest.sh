#!/usr/bin/env bash
# Client events ingested end to end into PostgreSQL per second: bench/scripts/ingest.sh [EVENTS] [SENDERS] [standalone|connected]
# Starts the real server in this JVM (standalone: embedded PostgreSQL under bench/target/run; connected: a fresh
# database on 127.0.0.1:5432 and RabbitMQ on 127.0.0.1:5672) — see IngestLoad.
source "$(dirname "$0")/common.sh"
machine
cd "$ROOT"
"$JAVA" -XX:+UseCompactObjectHeaders -Xmx2g -cp "$(bench_classpath)" org.gamebackend.events.internal.ingest.IngestLoad \
  "${1:-500000}" "${2:-16}" "${3:-standalone}"
