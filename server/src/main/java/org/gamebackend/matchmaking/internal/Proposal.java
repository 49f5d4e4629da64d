package org.gamebackend.matchmaking.internal;

import java.util.List;
import org.gamebackend.accounts.PlayerId;
import org.jspecify.annotations.Nullable;

/**
 * A group the pairing found, seated and balanced, before it is placed as a match.
 *
 * @param seats in seat order, grouped by team
 * @param spread highest minus lowest ticket rating
 * @param imbalance highest minus lowest sum of ratings per team
 */
record Proposal(
        Mode mode, String region, List<Ticket> tickets, List<PlannedSeat> seats, double spread, double imbalance) {

    /** @param player null for a bot */
    record PlannedSeat(@Nullable PlayerId player, double rating, int team) {

        boolean bot() {
            return player == null;
        }
    }

    /** The backfill request this proposal answers, if it is one: then its one seat goes into a running match. */
    Ticket.@org.jspecify.annotations.Nullable Backfill backfill() {
        return tickets.getFirst().backfill;
    }

    int bots() {
        return (int) seats.stream().filter(PlannedSeat::bot).count();
    }

    /** How long the oldest ticket of the group waited, at {@code now}. */
    long longestWait(long now) {
        return tickets.stream().mapToLong(t -> now - t.queuedAt).max().orElse(0);
    }
}
