#!/usr/bin/env bash
# Login p50/p99/throughput against a fresh standalone server (bcrypt strength $BCRYPT_STRENGTH, default 10).
# Usage: bench/scripts/login-load.sh [concurrency] [seconds] [warmup]
source "$(dirname "$0")/common.sh"
machine
start_server login 4100 AUTH_RATE_PER_IP=100000000 LOGIN_RATE_PER_ACCOUNT=100000000 BCRYPT_STRENGTH="${BCRYPT_STRENGTH:-10}"
trap stop_server EXIT
echo "ready after $(wait_ready 4100) s (bcrypt strength ${BCRYPT_STRENGTH:-10})"
"$JAVA" -cp "$(bench_classpath)" org.gamebackend.bench.LoginLoad http://localhost:4100 "${1:-16}" "${2:-30}" "${3:-10}" 64
