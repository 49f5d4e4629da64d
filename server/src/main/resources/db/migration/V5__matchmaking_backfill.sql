-- Backfill tickets: a running match asks for a player for one open seat. They have no players of their own; they
-- carry the match, the seat and its team, and the rating the newcomer should be near (the match's mean).
alter table matchmaking_tickets
    add column backfill_match uuid,
    add column backfill_seat  int,
    add column backfill_team  int,
    add column rating         double precision;
