-- The engine nodes alive on this database, and which node runs each running match. A node writes its row when it
-- starts and then every heartbeat (game.engine.node-heartbeat); a node whose row is older than
-- game.engine.node-timeout is dead: in cluster mode the others resume its matches that have a durable snapshot and
-- end the rest as aborted (node_lost). Every write a node makes to a running match is conditioned on node_id, so a
-- node that was declared dead (a long pause, a network partition) cannot overwrite the match's new owner.
create table engine_nodes (
    id          uuid primary key,
    started_at  timestamptz not null,
    seen_at     timestamptz not null
);

-- null: suspended by a graceful shutdown (any node may resume it), or started before this column existed
alter table matches add column node_id uuid;
create index matches_running_node_idx on matches (node_id) where status = 'running';
-- matches suspended by a graceful stop, waiting for a node: each cluster node looks for them every heartbeat
create index matches_suspended_idx on matches (id) where status = 'running' and node_id is null and snapshot is not null;
