package org.gamebackend.matchmaking;

import java.util.List;
import org.gamebackend.engine.MatchId;

/**
 * Published when matchmaking has placed a group as a match: which tickets went in, and how good the match was.
 *
 * @param ratingSpread highest minus lowest rating of the players in it
 * @param teamImbalance highest minus lowest sum of ratings per team
 * @param bots seats filled with bots
 */
public record MatchMade(
        MatchId matchId,
        String mode,
        String region,
        List<TicketId> tickets,
        double ratingSpread,
        double teamImbalance,
        int bots) {

    public MatchMade {
        tickets = List.copyOf(tickets);
    }
}
