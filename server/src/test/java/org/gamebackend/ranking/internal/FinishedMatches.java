package org.gamebackend.ranking.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchFinished;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchResult;
import org.gamebackend.engine.Seat;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Finished 1v1 matches as the engine reports them, for the ranking tests. */
final class FinishedMatches {

    private FinishedMatches() {}

    /** A 1v1 in {@code mode} (tic-tac-toe) that {@code winner} won on a line. */
    static MatchFinished won(String mode, PlayerId winner, PlayerId loser) {
        return new MatchFinished(
                new MatchId(UUID.randomUUID()),
                "tictactoe",
                mode,
                List.of(new Seat(0, winner, false, 0), new Seat(1, loser, false, 1)),
                MatchResult.FINISHED,
                Map.of("winner", winner.value().toString(), "reason", "line"),
                Instant.now().minusSeconds(30),
                Instant.now());
    }

    /** What the engine's MatchStore does: the event is published inside the transaction that stores the result. */
    static void publish(TransactionTemplate tx, ApplicationEventPublisher events, MatchFinished match) {
        tx.executeWithoutResult(status -> events.publishEvent(match));
    }
}
