package org.gamebackend.engine;

/**
 * A running match asks for a new player in a seat whose player left for good ({@link MatchContext#requestBackfill}).
 * Matchmaking listens, queues the request ahead of ordinary tickets, and seats a player with {@link Matches#fillSeat}.
 *
 * @param mode the mode the match was made for ({@code custom} matches are not backfilled by matchmaking)
 */
public record BackfillRequested(MatchId matchId, String game, String mode, int seat, int team) {}
