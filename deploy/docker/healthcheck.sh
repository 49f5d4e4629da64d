#!/usr/bin/env bash
# Container health check: GET /health/readiness on the management port (PROMETHEUS_PORT when set, else PORT).
# Pure bash (/dev/tcp), because the JRE image carries no curl or wget.
set -euo pipefail
port="${PROMETHEUS_PORT:-${PORT:-4000}}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 3 status <&3
exec 3<&-
case "$status" in
  "HTTP/1.1 200"*) exit 0 ;;
  *) echo "readiness answered: ${status:-nothing}" >&2; exit 1 ;;
esac
