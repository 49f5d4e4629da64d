package org.gamebackend.engine;

import java.time.Instant;
import java.util.List;

/**
 * Published when a match has been created and its first tick is scheduled (not when a suspended match resumes).
 *
 * @param seats in seat order, bots marked
 */
public record MatchStarted(MatchId matchId, String game, String mode, List<Seat> seats, Instant startedAt) {

    public MatchStarted {
        seats = List.copyOf(seats);
    }
}
