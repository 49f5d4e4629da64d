-- Matches: one row per match, from creation to result. A running match that was suspended by a graceful shutdown
-- keeps its snapshot here until it resumes.
create table matches (
    id             uuid primary key,
    game           text        not null,
    mode           text        not null,
    status         text        not null check (status in ('running', 'finished', 'aborted')),
    seats          jsonb       not null,
    seed           bigint      not null,
    tick           bigint      not null default 0,
    result         jsonb,
    invite_code    text,
    started_at     timestamptz not null,
    ended_at       timestamptz,
    snapshot       bytea,
    snapshot_log   bytea
);
create index matches_running_idx on matches (status) where status = 'running';
create unique index matches_invite_code_key on matches (invite_code) where invite_code is not null;

-- Per seat, for "matches of a player" without unpacking jsonb.
create table match_players (
    match_id   uuid    not null references matches (id) on delete cascade,
    seat       int     not null,
    player_id  uuid    not null,
    bot        boolean not null,
    team       int     not null,
    primary key (match_id, seat)
);
create index match_players_player_idx on match_players (player_id, match_id);

-- The replay of an ended match: its seed and the deflated log of every join, drop, leave and input with its tick.
create table match_replays (
    match_id          uuid primary key references matches (id) on delete cascade,
    game              text   not null,
    seed              bigint not null,
    ticks             bigint not null,
    input_log         bytea  not null,
    final_state_hash  text   not null
);
