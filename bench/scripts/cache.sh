#!/usr/bin/env bash
# Leaderboard page and player profile under load, connected mode, with the cache cold (off), warm in the JVM
# (Caffeine) and warm in Redis only (JVM level off): requests/s and p50/p99 of each, from one run.
# Its own Redis (port 16379) and database (gb_bench_cache on the machine's PostgreSQL 5432); 10,000 ranked players.
# Usage: bench/scripts/cache.sh [concurrency] [seconds per endpoint] [warm-up] [rounds] [players]
source "$(dirname "$0")/common.sh"
CONCURRENCY="${1:-16}" SECONDS_RUN="${2:-5}" WARMUP="${3:-2}" ROUNDS="${4:-3}" PLAYERS="${5:-10000}"
REDIS_PORT=16379 DB=gb_bench_cache
machine

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no > "$WORK/cache-redis.log" 2>&1 &
REDIS_PID=$!
cleanup() { kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; }
trap 'cleanup' EXIT
psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"

ENVS=(DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" JWT_SECRET=cache-bench-secret-0123456789-abcdefghijklmnop
  REDIS_PORT="$REDIS_PORT" AUTH_RATE_PER_IP=100000000 JOBS_ENABLED=false)
env "${ENVS[@]}" "$JAVA" -jar "$JAR" migrate > "$WORK/cache-migrate.log" 2>&1
psql -q -h 127.0.0.1 -U postgres -d "$DB" <<SQL
insert into players (id, username, display_name)
  select gen_random_uuid(), 'cachebench' || i, 'Bench Player ' || i from generate_series(1, $PLAYERS) i;
insert into ratings (player_id, mode, system, rating, deviation, volatility, games, season, region, last_played_at, idle_until)
  select id, 'tictactoe', 'glicko2', 1000 + random() * 1000, 60, 0.06, 20,
         coalesce((select season from ranking_season where id = 1), 1), null, now(), now() + interval '30 days'
  from players where username like 'cachebench%';
SQL
echo "players: $PLAYERS on the tictactoe board; $CONCURRENCY clients, $ROUNDS rounds of: warm-up $WARMUP s, $SECONDS_RUN s per endpoint"

# the three servers run side by side and take turns, round after round, so the machine's noise falls on all of them
declare -A PIDS
port_of() { case $1 in cold) echo 4200 ;; warm-local) echo 4201 ;; warm-redis) echo 4202 ;; esac; }
SETTINGS=(cold warm-local warm-redis)
for setting in "${SETTINGS[@]}"; do
  case $setting in
    cold) extra=(CACHE_ENABLED=false) ;;
    warm-local) extra=() ;;
    warm-redis) extra=(GAME_CACHE_LOCAL_ENABLED=false) ;;
  esac
  start_server "cache-$setting" "$(port_of "$setting")" "${ENVS[@]}" "${extra[@]}"
  PIDS[$setting]=$SERVER_PID
done
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true
}
for setting in "${SETTINGS[@]}"; do
  SERVER_PID=${PIDS[$setting]}; port=$(port_of "$setting")
  wait_ready "$port" > /dev/null
  # the board is rebuilt from PostgreSQL into Redis after start: wait until a page has entries
  for _ in $(seq 1 100); do
    tok=$(curl -s "localhost:$port/api/v1/auth/guest" -H 'content-type: application/json' -d '{"device_id":"cache-bench-0"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
    [ "$(curl -s "localhost:$port/api/v1/leaderboards/tictactoe?limit=1" -H "authorization: Bearer $tok" | grep -c '"total":0')" = 0 ] && break
    sleep 0.2
  done
done
RESULTS="$WORK/cache-results.txt"; : > "$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for setting in "${SETTINGS[@]}"; do
    "$JAVA" -cp "$(bench_classpath)" org.gamebackend.bench.CacheLoad "http://localhost:$(port_of "$setting")" \
      "$setting" "$CONCURRENCY" "$SECONDS_RUN" "$WARMUP" 32 | tee -a "$RESULTS"
  done
done
echo "median of $ROUNDS rounds:"
for setting in "${SETTINGS[@]}"; do
  for endpoint in leaderboard profile; do
    awk -v s="$setting" -v e="$endpoint" '$1 == s && $2 == e { rps[n] = $11; p99[n] = $18; n++ }
      END { asort(rps); asort(p99); m = int((n + 1) / 2);
            printf "%-11s %-11s %8.1f req/s  p99 %6.2f ms\n", s, e, rps[m], p99[m] }' "$RESULTS"
  done
done
echo "cache gets per server (level, result):"
for setting in warm-local warm-redis; do
  curl -s "localhost:$(port_of "$setting")/metrics" | grep '^cache_gets_total' | grep -E 'profiles|leaderboard' \
    | sed -E "s/.*cache=\"([^\"]+)\".*level=\"([a-z]+)\".*result=\"([a-z]+)\".* ([0-9.E]+)$/$setting \1 \2 \3 \4/"
done
echo "server-side mean ms per request (http_server_requests_seconds sum/count, the load generator's time excluded):"
for setting in "${SETTINGS[@]}"; do
  curl -s "localhost:$(port_of "$setting")/metrics" | grep -E '^http_server_requests_seconds_(sum|count)\{' \
    | grep -E 'uri="/api/v1/(me|leaderboards/\{mode\})"' | grep 'status="200"' | grep 'method="GET"' \
    | sed -E 's/^http_server_requests_seconds_(sum|count)\{.*uri="([^"]+)".*\} ([0-9.E+-]+)$/\2 \1 \3/' \
    | awk -v s="$setting" '{ v[$1 " " $2] = $3; u[$1] = 1 }
        END { for (k in u) printf "%-11s %-28s %7.3f ms over %d requests\n", s, k, 1000 * v[k " sum"] / v[k " count"], v[k " count"] }'
done
