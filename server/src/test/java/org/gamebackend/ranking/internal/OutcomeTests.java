package org.gamebackend.ranking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchFinished;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchResult;
import org.gamebackend.engine.Seat;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** How results of any game are read as places: winner-only results, scores with teams, draws, aborted matches. */
class OutcomeTests {

    private final List<Seat> duel = seats(0, 1);

    @Test
    void aWinnerPlacesFirstAndTheOtherSideSecond() {
        Outcome o = Outcome.of(finished(duel, result("winner", id(duel, 1), "reason", "line")));
        assertThat(o.places()).containsExactly(2, 1);
        assertThat(o.outcomeOf(0)).isEqualTo("loss");
        assertThat(o.outcomeOf(1)).isEqualTo("win");
    }

    @Test
    void aNullWinnerIsADrawForEverySide() {
        Outcome o = Outcome.of(finished(duel, result("winner", null, "reason", "draw")));
        assertThat(o.places()).containsExactly(1, 1);
        assertThat(o.outcomeOf(0)).isEqualTo("draw");
        assertThat(o.outcomeOf(1)).isEqualTo("draw");
    }

    @Test
    void scoresAddUpPerTeamAndPlaceTeamsHighestFirstWithTies() {
        // four seats in two teams (0, 2) and (1, 3); team 1 scores 3 + 4, team 0 scores 5 + 1
        List<Seat> teams = List.of(seat(0, 0), seat(1, 1), seat(2, 0), seat(3, 1));
        Map<String, Object> scores = new LinkedHashMap<>();
        int[] points = {5, 3, 1, 4};
        for (int i = 0; i < 4; i++) {
            scores.put(id(teams, i), points[i]);
        }
        Outcome o = Outcome.of(finished(teams, result("winner", null, "scores", scores)));
        assertThat(o.sides()).hasSize(2);
        assertThat(o.places()).containsExactly(2, 1);

        List<Seat> ffa = seats(0, 1, 2, 3);
        Map<String, Object> tied = new HashMap<>();
        int[] ffaPoints = {2, 7, 2, 0};
        for (int i = 0; i < 4; i++) {
            tied.put(id(ffa, i), ffaPoints[i]);
        }
        Outcome free = Outcome.of(finished(ffa, result("winner", id(ffa, 1), "scores", tied)));
        assertThat(free.places()).containsExactly(2, 1, 2, 4);
        assertThat(free.outcomeOf(1)).isEqualTo("win");
        assertThat(free.outcomeOf(0)).isEqualTo("loss");
    }

    @Test
    void theNamedWinnerPlacesFirstEvenWhenALeaverScoredMore() {
        List<Seat> ffa = seats(0, 1, 2);
        Map<String, Object> scores = Map.of(id(ffa, 0), 9, id(ffa, 1), 4, id(ffa, 2), 1);
        Outcome o = Outcome.of(finished(ffa, result("winner", id(ffa, 1), "scores", scores)));
        assertThat(o.places()).containsExactly(2, 1, 3);
    }

    @Test
    void abortedMatchesAndUnknownResultsPlaceNobody() {
        MatchFinished aborted = new MatchFinished(
                new MatchId(UUID.randomUUID()),
                "tictactoe",
                "tictactoe",
                duel,
                MatchResult.ABORTED,
                Map.of("reason", "crashed"),
                Instant.EPOCH,
                Instant.EPOCH);
        assertThat(Outcome.of(aborted).placed()).isFalse();
        assertThat(Outcome.of(aborted).outcomeOf(0)).isEqualTo("none");
        assertThat(Outcome.of(finished(duel, result("reason", "whatever"))).placed())
                .isFalse();
    }

    private static MatchFinished finished(List<Seat> seats, Map<String, @Nullable Object> result) {
        return new MatchFinished(
                new MatchId(UUID.randomUUID()),
                "game",
                "mode",
                seats,
                MatchResult.FINISHED,
                result,
                Instant.EPOCH,
                Instant.EPOCH);
    }

    private static Map<String, @Nullable Object> result(@Nullable Object... pairs) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(String.valueOf(pairs[i]), pairs[i + 1]);
        }
        return m;
    }

    private static List<Seat> seats(int... teams) {
        List<Seat> seats = new java.util.ArrayList<>();
        for (int i = 0; i < teams.length; i++) {
            seats.add(seat(i, teams[i]));
        }
        return seats;
    }

    private static Seat seat(int index, int team) {
        return new Seat(index, new PlayerId(UUID.randomUUID()), false, team);
    }

    private static String id(List<Seat> seats, int index) {
        return seats.get(index).player().value().toString();
    }
}
