#!/usr/bin/env bash
# What one engine-node heartbeat costs the database in cluster mode: the check for anything to take over, and the
# claim and the lost-match queries (run only when the check finds something) of
# MatchStore over RUNNING running matches (durable snapshots of 4 KB state + 40 KB log each) and ENDED ended ones,
# spread over 4 live nodes, plus (DEAD=1) one dead node holding a quarter of them. Uses a scratch database
# `nodes_bench` on PGHOST (127.0.0.1) and drops it after. Each query runs in a transaction that is rolled back.
# Usage: bench/scripts/node-watch-sql.sh [RUNNING=10000] [ENDED=100000] [DEAD=0]
set -euo pipefail
RUNNING=${1:-10000}
ENDED=${2:-100000}
DEAD=${3:-0}
HERE=$(cd "$(dirname "$0")/../.." && pwd)
PSQL=(psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" -c "drop database if exists nodes_bench" -c "create database nodes_bench"
trap '"${PSQL[@]}" -c "drop database if exists nodes_bench"' EXIT
echo "loading $RUNNING running and $ENDED ended matches…"
"${PSQL[@]}" -d nodes_bench <<SQL
\i $HERE/server/src/main/resources/db/migration/V3__matches.sql
\i $HERE/server/src/main/resources/db/migration/V9__engine_nodes.sql
insert into engine_nodes select gen_random_uuid(), now(), now() from generate_series(1, 4);
update engine_nodes set seen_at = now() - interval '1 hour'
  where $DEAD = 1 and id = (select id from engine_nodes order by id limit 1);
insert into matches (id, game, mode, status, seats, seed, started_at, node_id, snapshot, snapshot_log)
select gen_random_uuid(), 'arena', 'arena', 'running', '[]', 1, now(),
       (select id from engine_nodes order by id offset (g % 4) limit 1),
       decode(repeat('ab', 4096), 'hex'), decode(repeat('cd', 40960), 'hex')
from generate_series(1, $RUNNING) g;
insert into matches (id, game, mode, status, seats, seed, started_at, ended_at, result)
select gen_random_uuid(), 'arena', 'arena', 'finished', '[]', 1, now(), now(), '{}' from generate_series(1, $ENDED);
analyze;
SQL
ALIVE="exists (select 1 from engine_nodes n where n.id = m.node_id and n.seen_at > now() - make_interval(secs => 30.0))"
for round in 1 2 3; do
  "${PSQL[@]}" -d nodes_bench -c "explain (analyze, timing off) select exists (select 1 from engine_nodes
      where seen_at <= now() - make_interval(secs => 30.0)) or exists (select 1 from matches where status = 'running'
      and node_id is null and snapshot is not null)" | sed -n "s/ *Execution Time: /round $round check: /p"
  "${PSQL[@]}" -d nodes_bench -c "begin" -c "explain (analyze, timing off) update matches t set snapshot = null,
      snapshot_log = null, node_id = gen_random_uuid() from (select id, snapshot, snapshot_log from matches m
      where status = 'running' and snapshot is not null and game = any('{arena,tictactoe}')
      and (false or node_id is null or not $ALIVE) order by id for update of m) s where t.id = s.id
      returning t.id" -c rollback | sed -n "s/ *Execution Time: /round $round claim: /p"
  "${PSQL[@]}" -d nodes_bench -c "begin" -c "explain (analyze, timing off) update matches m set status = 'aborted',
      result = '{}', ended_at = now() where status = 'running' and snapshot is null
      and (false or (node_id is not null and not $ALIVE))" -c rollback | sed -n "s/ *Execution Time: /round $round lost:  /p"
done
