package org.gamebackend.matchmaking.internal;

import java.util.Optional;
import java.util.Set;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchRequest;
import org.gamebackend.engine.Matches;
import org.gamebackend.matchmaking.Placement;

/** Placement on this node's engine. */
final class EnginePlacement implements Placement {

    private final Matches matches;

    EnginePlacement(Matches matches) {
        this.matches = matches;
    }

    @Override
    public MatchId place(MatchPlan plan) {
        return matches.create(new MatchRequest(
                plan.game(),
                plan.mode(),
                plan.seats().stream()
                        .map(s -> new MatchRequest.SeatRequest(s.player(), s.bot(), s.team()))
                        .toList()));
    }

    @Override
    public Optional<Set<PlayerId>> arrived(MatchId match) {
        return matches.find(match).filter(m -> m.status().equals("running")).map(m -> matches.arrived(match));
    }

    @Override
    public boolean fill(MatchId match, int seat, PlayerId player) {
        return matches.fillSeat(match, seat, player);
    }

    @Override
    public void cancel(MatchId match, String reason) {
        matches.terminate(match, reason);
    }
}
