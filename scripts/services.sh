#!/usr/bin/env bash
# Starts (or checks) the local services the test suite talks to: PostgreSQL 5432, Redis 6379, RabbitMQ 5672.
# Usage: scripts/services.sh [start|status]
set -uo pipefail

up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() {
  local name=$1 port=$2
  for _ in $(seq 1 60); do
    up "$port" && { echo "$name is up on $port"; return 0; }
    sleep 1
  done
  echo "$name did not come up on port $port" >&2
  return 1
}

start_postgres() {
  up 5432 && { echo "PostgreSQL is up on 5432"; return 0; }
  echo "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  wait_for PostgreSQL 5432
}

start_redis() {
  up 6379 && { echo "Redis is up on 6379"; return 0; }
  echo "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
  wait_for Redis 6379
}

start_rabbitmq() {
  up 5672 && { echo "RabbitMQ is up on 5672"; return 0; }
  echo "starting RabbitMQ"
  rabbitmq-server -detached || true
  wait_for RabbitMQ 5672
}

case "${1:-start}" in
  start) start_postgres && start_redis && start_rabbitmq ;;
  status) for p in 5432 6379 5672; do up "$p" && echo "$p up" || echo "$p down"; done ;;
  *) echo "usage: $0 [start|status]" >&2; exit 2 ;;
esac
