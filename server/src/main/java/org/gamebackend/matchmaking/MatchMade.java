package org.gamebackend.matchmaking;

import java.util.List;
import org.gamebackend.engine.MatchId;

/**
 * Published when matchmaking has placed a group as a match: which tickets went in, and how good the match was.
 *
 * @param ratingSpread highest minus lowest rating of the players in it
 * @param teamImbalance highest minus lowest sum of ratings per team
 * @param bots seats filled with bots
 * @param waitsMillis how long each player ticket placed had waited, in the order of {@code tickets} (a backfill's own
 *     request ticket, which is not a player's, has no entry)
 */
public record MatchMade(
        MatchId matchId,
        String mode,
        String region,
        List<TicketId> tickets,
        double ratingSpread,
        double teamImbalance,
        int bots,
        List<Long> waitsMillis) {

    public MatchMade {
        tickets = List.copyOf(tickets);
        // events stored before waits existed come back without them
        waitsMillis = waitsMillis == null ? List.of() : List.copyOf(waitsMillis);
    }

    public MatchMade(
            MatchId matchId,
            String mode,
            String region,
            List<TicketId> tickets,
            double ratingSpread,
            double teamImbalance,
            int bots) {
        this(matchId, mode, region, tickets, ratingSpread, teamImbalance, bots, List.of());
    }
}
