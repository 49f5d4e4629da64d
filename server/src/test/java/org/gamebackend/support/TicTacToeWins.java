package org.gamebackend.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchRequest;
import org.gamebackend.engine.internal.MatchEngine;

/** A ranked tic-tac-toe match played straight on the engine, which {@code x} (seat 0) wins with the top row. */
public final class TicTacToeWins {

    private TicTacToeWins() {}

    /** Plays it to the end and returns its id; ratings follow by their background job. */
    public static MatchId play(MatchEngine engine, Players.Tokens x, Players.Tokens o) {
        MatchId match = engine.create(new MatchRequest(
                "tictactoe",
                "tictactoe",
                List.of(
                        new MatchRequest.SeatRequest(PlayerId.parse(x.playerId()), false, 0),
                        new MatchRequest.SeatRequest(PlayerId.parse(o.playerId()), false, 1))));
        engine.connected(match, 0);
        engine.connected(match, 1);
        for (int[] m : new int[][] {{0, 0}, {1, 3}, {0, 1}, {1, 4}, {0, 2}}) {
            engine.input(match, m[0], ("{\"cell\":" + m[1] + "}").getBytes(StandardCharsets.UTF_8))
                    .join();
        }
        return match;
    }
}
