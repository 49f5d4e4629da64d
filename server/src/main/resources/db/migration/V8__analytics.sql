-- Analytics events: client events (POST /api/v1/events) and domain events (exchange game.events), one row per event
-- id. Writers insert with "on conflict (id) do nothing", so a redelivered message is stored once.
create table analytics_events (
    id uuid primary key,
    type text not null,
    source text not null check (source in ('domain', 'client')),
    player_id uuid,
    occurred_at timestamptz not null,
    received_at timestamptz not null default now(),
    data jsonb not null
);

create index analytics_events_type_occurred_at on analytics_events (type, occurred_at);
create index analytics_events_player_occurred_at on analytics_events (player_id, occurred_at) where player_id is not null;
