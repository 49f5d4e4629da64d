-- Players: registered accounts and guests (a guest has a device id and no password until upgraded).
create table players (
    id             uuid primary key,
    username       text        not null,
    email          text,
    password_hash  text,
    display_name   text        not null,
    region         text,
    roles          text[]      not null default '{PLAYER}',
    guest          boolean     not null default false,
    device_id      text,
    failed_logins  int         not null default 0,
    locked_until   timestamptz,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
-- usernames and emails are unique case-insensitively
create unique index players_username_key on players (lower(username));
create unique index players_email_key on players (lower(email));
create unique index players_device_id_key on players (device_id);

-- Refresh tokens: only a SHA-256 hash is stored. Each use rotates the token within its family; presenting a token
-- that was already used revokes the whole family (theft detection).
create table refresh_tokens (
    id          uuid primary key,
    family_id   uuid        not null,
    player_id   uuid        not null references players (id) on delete cascade,
    token_hash  bytea       not null,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create unique index refresh_tokens_hash_key on refresh_tokens (token_hash);
create index refresh_tokens_family_idx on refresh_tokens (family_id);
create index refresh_tokens_player_idx on refresh_tokens (player_id);
create index refresh_tokens_expires_idx on refresh_tokens (expires_at);
