package org.gamebackend.matchmaking;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;

/**
 * Where a group that matchmaking made becomes a running match, its seats reserved for the group's players. In-process
 * this is the engine; an external game-server allocator (Agones-style) can replace it by providing this bean. Called
 * on virtual threads: it may block.
 */
public interface Placement {

    /**
     * Starts the match; throws when it cannot (the group's tickets then search again) — {@link
     * org.gamebackend.engine.PlayerInMatchException} when one of its players is already playing elsewhere (that
     * player's ticket is cancelled, the others search again).
     */
    MatchId place(MatchPlan plan);

    /** The plan's players who have joined their match so far; empty when the match is no longer running. */
    Optional<Set<PlayerId>> arrived(MatchId match);

    /**
     * Seats a player in an open seat of a running match (backfill); false when the match is gone or the seat is no
     * longer open.
     */
    boolean fill(MatchId match, int seat, PlayerId player);

    /** Calls a match off (its players did not all come). */
    void cancel(MatchId match, String reason);

    /**
     * A match to start.
     *
     * @param seats in seat order
     */
    record MatchPlan(String mode, String game, String region, List<SeatPlan> seats) {

        public MatchPlan {
            seats = List.copyOf(seats);
        }
    }

    /**
     * One seat of a plan.
     *
     * @param player a bot's id is made up for the match
     */
    record SeatPlan(PlayerId player, boolean bot, int team, double rating) {}
}
