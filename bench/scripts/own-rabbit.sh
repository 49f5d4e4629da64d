#!/usr/bin/env bash
# A RabbitMQ node of the bench's own (port 5698, data under /tmp/gb-bench-rabbit), so a bench can restart its broker
# without touching the machine's shared one on 5672. Usage: bench/scripts/own-rabbit.sh start|stop|restart
set -euo pipefail
DIR=/tmp/gb-bench-rabbit
PORT=${OWN_RABBIT_PORT:-5698}
NODE=gbbench@localhost

up() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

start() {
  if up; then echo "own RabbitMQ already up on $PORT"; return 0; fi
  mkdir -p "$DIR"
  printf 'listeners.tcp.default = 127.0.0.1:%s\nloopback_users = none\n' "$PORT" > "$DIR/node.conf"
  echo '[].' > "$DIR/plugins"
  chown -R rabbitmq:rabbitmq "$DIR"
  RABBITMQ_NODENAME=$NODE RABBITMQ_CONFIG_FILE="$DIR/node.conf" RABBITMQ_DIST_PORT=$((PORT + 20000)) \
    RABBITMQ_MNESIA_BASE="$DIR/mnesia" RABBITMQ_LOG_BASE="$DIR/log" RABBITMQ_ENABLED_PLUGINS_FILE="$DIR/plugins" \
    RABBITMQ_PID_FILE="$DIR/pid" nohup rabbitmq-server > "$DIR/server.out" 2>&1 &
  local t0; t0=$(date +%s%N)
  for _ in $(seq 1 300); do
    if up; then echo "own RabbitMQ up on $PORT after $(( ($(date +%s%N) - t0) / 1000000 )) ms"; return 0; fi
    sleep 0.2
  done
  echo "own RabbitMQ did not start; see $DIR/server.out" >&2
  return 1
}

stop() {
  rabbitmqctl -n "$NODE" stop > /dev/null 2>&1 || true
  for _ in $(seq 1 300); do up || { echo "own RabbitMQ stopped"; return 0; }; sleep 0.2; done
  echo "own RabbitMQ did not stop" >&2
  return 1
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  restart) stop && start ;;
  *) echo "usage: $0 start|stop|restart" >&2; exit 2 ;;
esac
