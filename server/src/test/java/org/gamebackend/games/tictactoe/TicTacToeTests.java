package org.gamebackend.games.tictactoe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gamebackend.engine.InputResult;
import org.gamebackend.games.TestMatch;
import org.gamebackend.games.tictactoe.TicTacToe.Move;
import org.gamebackend.games.tictactoe.TicTacToe.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TicTacToeTests {

    static final int[][] LINES = {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {0, 3, 6}, {1, 4, 7}, {2, 5, 8}, {0, 4, 8}, {2, 4, 6}
    };

    final TestMatch<State, Move> match = new TestMatch<>(new TicTacToe(Duration.ofSeconds(30)), 2, 42);

    InputResult play(int seat, Integer cell) {
        return match.input(seat, new Move(cell));
    }

    @Test
    void specIsTurnBasedWithPatchesOnlyOnChange() {
        assertThat(match.game.spec().name()).isEqualTo("tictactoe");
        assertThat(match.game.spec().tickRate()).isEqualTo(10);
        assertThat(match.game.spec().patchRate()).isZero();
        assertThat(match.game.spec().minSeats()).isEqualTo(2);
        assertThat(match.game.spec().maxSeats()).isEqualTo(2);
    }

    @Test
    void startsEmptyWithSeatZeroAsXToMove() {
        assertThat(match.state.board).containsOnly("");
        assertThat(match.state.marks).containsExactly(Map.entry(match.id(0), "X"), Map.entry(match.id(1), "O"));
        assertThat(match.state.turn).isEqualTo(match.id(0));
        assertThat(match.state.turnDeadline).isEqualTo(300); // 30 s at 10 Hz
    }

    /** X takes the line; O plays the first two cells off it, which can never make a line of their own. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void xWinsOnEveryLine(int index) {
        int[] line = LINES[index];
        List<Integer> others = new ArrayList<>();
        for (int cell = 0; cell < 9 && others.size() < 2; cell++) {
            int c = cell;
            if (c != line[0] && c != line[1] && c != line[2]) {
                others.add(c);
            }
        }
        assertThat(play(0, line[0])).isEqualTo(InputResult.ok());
        assertThat(play(1, others.get(0))).isEqualTo(InputResult.ok());
        assertThat(play(0, line[1])).isEqualTo(InputResult.ok());
        assertThat(play(1, others.get(1))).isEqualTo(InputResult.ok());
        assertThat(match.result()).isNull();
        assertThat(play(0, line[2])).isEqualTo(InputResult.ok());

        assertThat(match.ends).hasSize(1);
        assertThat(match.result()).containsExactly(Map.entry("winner", match.id(0)), Map.entry("reason", "line"));
        assertThat(match.state.turn).isNull();
        for (int cell : line) {
            assertThat(match.state.board[cell]).isEqualTo("X");
        }
    }

    @Test
    void oWinsAColumn() {
        int[] cells = {0, 1, 3, 4, 8}; // X, O, X, O, X: O has 1 and 4 of the middle column
        for (int i = 0; i < cells.length; i++) {
            play(i % 2, cells[i]);
        }
        assertThat(match.result()).isNull();
        assertThat(play(1, 7)).isEqualTo(InputResult.ok());
        assertThat(match.result()).containsEntry("winner", match.id(1)).containsEntry("reason", "line");
    }

    @Test
    void aFullBoardWithoutALineIsADrawWithNoWinner() {
        int[] cells = {0, 1, 2, 4, 3, 5, 7, 6, 8}; // X O X / X O O / O X X
        for (int i = 0; i < cells.length; i++) {
            assertThat(match.result()).isNull();
            assertThat(play(i % 2, cells[i])).isEqualTo(InputResult.ok());
        }
        assertThat(match.state.board).containsExactly("X", "O", "X", "X", "O", "O", "O", "X", "X");
        assertThat(match.ends).hasSize(1);
        Map<String, Object> result = match.result();
        assertThat(result).containsEntry("reason", "draw").containsKey("winner");
        assertThat(result.get("winner")).isNull();
    }

    @Test
    void aLineOnTheLastCellIsAWinNotADraw() {
        int[] cells = {0, 1, 2, 4, 5, 3, 7, 6, 8}; // X O X / O O X / O X X: the ninth mark completes 2-5-8
        for (int i = 0; i < cells.length; i++) {
            assertThat(play(i % 2, cells[i])).isEqualTo(InputResult.ok());
        }
        assertThat(match.state.board).doesNotContain("");
        assertThat(match.ends).hasSize(1);
        assertThat(match.result()).containsEntry("winner", match.id(0)).containsEntry("reason", "line");
    }

    @Test
    void playersAlternateStartingWithX() {
        assertThat(play(1, 4)).isEqualTo(InputResult.reject("not_your_turn"));
        assertThat(play(0, 4)).isEqualTo(InputResult.ok());
        assertThat(match.state.board[4]).isEqualTo("X");
        assertThat(match.state.turn).isEqualTo(match.id(1));
        assertThat(play(0, 5)).isEqualTo(InputResult.reject("not_your_turn"));
        assertThat(play(1, 5)).isEqualTo(InputResult.ok());
        assertThat(match.state.board[5]).isEqualTo("O");
        assertThat(match.state.turn).isEqualTo(match.id(0));
    }

    @Test
    void everyRejectionLeavesStateUnchangedAndSendsNothing() {
        play(0, 4);
        String before = match.stateJson();
        int patches = match.patches;

        assertThat(play(0, 0)).isEqualTo(InputResult.reject("not_your_turn"));
        assertThat(play(1, 4)).isEqualTo(InputResult.reject("cell_taken"));
        for (Integer bad : new Integer[] {-1, 9, Integer.MAX_VALUE, Integer.MIN_VALUE, null}) {
            assertThat(play(1, bad)).isEqualTo(InputResult.reject("bad_cell"));
        }

        assertThat(match.stateJson()).isEqualTo(before);
        assertThat(match.patches).isEqualTo(patches);
        assertThat(match.ends).isEmpty();
    }

    @Test
    void noMoveIsAcceptedOnceDecided() {
        match.game.leave(match.state, match.seat(1), match);
        String after = match.stateJson();
        assertThat(play(0, 0)).isEqualTo(InputResult.reject("not_your_turn"));
        assertThat(play(1, 0)).isEqualTo(InputResult.reject("not_your_turn"));
        assertThat(match.stateJson()).isEqualTo(after);
        assertThat(match.ends).hasSize(1);
    }

    @Test
    void everyAcceptedMoveAsksForAPatch() {
        play(0, 0);
        play(1, 1);
        assertThat(match.patches).isEqualTo(2);
    }

    @Test
    void thePlayerToMoveForfeitsWhenTheTurnTimerRunsOut() {
        match.step(299);
        assertThat(match.result()).isNull();
        match.step();
        assertThat(match.result()).containsEntry("winner", match.id(1)).containsEntry("reason", "forfeit");
        assertThat(match.state.turn).isNull();
        match.step(50);
        assertThat(match.ends).as("ends once").hasSize(1);
    }

    @Test
    void eachMoveRestartsTheClockForTheOpponent() {
        match.step(250);
        play(0, 4);
        assertThat(match.state.turnDeadline).isEqualTo(550);
        match.step(299);
        assertThat(match.result()).isNull();
        match.step();
        assertThat(match.result()).containsEntry("winner", match.id(0)).containsEntry("reason", "forfeit");
    }

    @Test
    void theTurnTimeIsConfigurable() {
        TestMatch<State, Move> quick = new TestMatch<>(new TicTacToe(Duration.ofSeconds(5)), 2, 1);
        assertThat(quick.state.turnDeadline).isEqualTo(50);
        assertThatIllegalArgumentException().isThrownBy(() -> new TicTacToe(Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new TicTacToe(Duration.ofSeconds(-1)));
    }

    @Test
    void aPlayerWhoLeavesForGoodForfeitsEvenOutOfTurn() {
        play(0, 4);
        match.game.leave(match.state, match.seat(0), match);
        assertThat(match.result()).containsEntry("winner", match.id(1)).containsEntry("reason", "forfeit");
        match.game.leave(match.state, match.seat(1), match);
        assertThat(match.ends).as("a second leave changes nothing").hasSize(1);
    }

    @Test
    void droppingIsNotForfeiting() {
        match.game.drop(match.state, match.seat(0), match);
        match.game.rejoin(match.state, match.seat(0), match);
        assertThat(match.ends).isEmpty();
        assertThat(play(0, 4)).isEqualTo(InputResult.ok());
    }

    @Test
    void stateJsonHasTheApiNamesAndSurvivesASnapshot() throws Exception {
        play(0, 4);
        String json = match.stateJson();
        var tree = TestMatch.JSON.readTree(json);
        assertThat(tree.propertyNames()).containsExactlyInAnyOrder("board", "turn", "marks", "turn_deadline");
        assertThat(tree.get("board").get(4).asString()).isEqualTo("X");
        assertThat(tree.get("turn").asString()).isEqualTo(match.id(1));
        assertThat(tree.get("marks").get(match.id(0)).asString()).isEqualTo("X");

        match.restore(json, match.random().state());
        assertThat(match.stateJson()).isEqualTo(json);
        assertThat(play(1, 0)).isEqualTo(InputResult.ok());
    }
}
