-- Matchmaking tickets. The pairing loop holds searching tickets in memory and rebuilds that index from here at start,
-- so no ticket is lost by a restart. A ticket that is 'matched' without a match_id was being placed when the server
-- stopped: it goes back to searching.
create table matchmaking_tickets (
    id          uuid primary key,
    mode        text        not null,
    region      text        not null,
    latencies   jsonb       not null,
    party_id    uuid,
    players     jsonb       not null, -- [{player_id, rating}] as rated when queued
    status      text        not null check (status in ('searching', 'matched', 'cancelled', 'expired')),
    reason      text,                 -- why a ticket was cancelled: player, no_show, party_changed
    match_id    uuid,
    queued_at   timestamptz not null, -- when it started waiting (kept when re-queued after a no-show)
    expires_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index matchmaking_tickets_searching_idx on matchmaking_tickets (status) where status in ('searching', 'matched');
create index matchmaking_tickets_updated_idx on matchmaking_tickets (updated_at);

-- One row per player in a ticket that is still searching or being placed: the primary key is what makes "one active
-- ticket per player" hold under concurrent requests and across nodes.
create table matchmaking_ticket_players (
    player_id  uuid primary key,
    ticket_id  uuid not null references matchmaking_tickets (id) on delete cascade
);
create index matchmaking_ticket_players_ticket_idx on matchmaking_ticket_players (ticket_id);

-- Parties: a leader, an invite code, members. A player is in at most one party.
create table parties (
    id           uuid primary key,
    leader       uuid        not null,
    invite_code  text        not null unique,
    created_at   timestamptz not null
);

create table party_members (
    player_id  uuid primary key,
    party_id   uuid        not null references parties (id) on delete cascade,
    joined_at  timestamptz not null
);
create index party_members_party_idx on party_members (party_id);
