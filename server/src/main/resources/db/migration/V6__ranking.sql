-- Ranking: ratings per player and mode, their history, stats, per-player match history, and the leaderboards of
-- past seasons. See docs/ranking.md.

-- A finished match waiting for its rating job. Written in the transaction that stores the match's result (the
-- MatchFinished listener), deleted by the job that applies it: a row here is work that must still happen. A match
-- whose rating failed keeps its row with the attempt count and the last error; after max-attempts it is left alone.
create table rating_queue (
    match_id     uuid primary key,
    event        jsonb       not null,
    enqueued_at  timestamptz not null default now(),
    attempts     int         not null default 0,
    last_error   text
);
create index rating_queue_waiting_idx on rating_queue (enqueued_at) where attempts < 10;

-- Matches whose rating job has been applied; the job's first statement claims the match here, so applying it twice
-- changes nothing.
create table rated_matches (
    match_id    uuid primary key,
    applied_at  timestamptz not null
);

-- The current rating of a player in a ranked mode. season = the season of the player's last rated match (the
-- current season's board holds the rows with season = the current season); region = the player's home region at
-- that match (the regional board it counts on). idle_until: when Glicko-2's deviation next grows if the player idles.
create table ratings (
    player_id       uuid             not null,
    mode            text             not null,
    system          text             not null,
    rating          double precision not null,
    deviation       double precision not null,
    volatility      double precision not null,
    games           int              not null,
    season          int              not null,
    region          text,
    last_played_at  timestamptz      not null,
    idle_until      timestamptz      not null,
    primary key (player_id, mode)
);
create index ratings_board_idx on ratings (mode, season, rating desc, player_id);
create index ratings_idle_idx on ratings (idle_until);

create table rating_history (
    player_id      uuid             not null,
    mode           text             not null,
    match_id       uuid             not null,
    season         int              not null,
    rating_before  double precision not null,
    rating_after   double precision not null,
    deviation      double precision not null,
    at             timestamptz      not null,
    primary key (player_id, match_id)
);
create index rating_history_player_idx on rating_history (player_id, mode, at);

-- Every finished match with humans counts here, ranked or not.
create table player_stats (
    player_id    uuid not null,
    mode         text not null,
    games        int  not null default 0,
    wins         int  not null default 0,
    losses       int  not null default 0,
    draws        int  not null default 0,
    streak       int  not null default 0,
    best_streak  int  not null default 0,
    primary key (player_id, mode)
);

-- A player's matches, newest first (GET /players/{id}/matches).
create table player_matches (
    player_id      uuid        not null,
    match_id       uuid        not null,
    game           text        not null,
    mode           text        not null,
    status         text        not null,
    outcome        text        not null check (outcome in ('win', 'loss', 'draw', 'none')),
    place          int         not null,
    rating_before  double precision,
    rating_after   double precision,
    ended_at       timestamptz not null,
    primary key (player_id, match_id)
);
create index player_matches_recent_idx on player_matches (player_id, ended_at desc, match_id desc);

-- The season in effect, as last rolled over (one row).
create table ranking_season (
    id          int primary key check (id = 1),
    season      int         not null,
    rolled_at   timestamptz not null
);

-- Boards of ended seasons, frozen at rollover. region 'global' holds every region.
create table season_boards (
    season     int              not null,
    mode       text             not null,
    region     text             not null,
    rank       bigint           not null,
    player_id  uuid             not null,
    rating     double precision not null,
    primary key (season, mode, region, rank)
);
create index season_boards_player_idx on season_boards (season, mode, region, player_id);
