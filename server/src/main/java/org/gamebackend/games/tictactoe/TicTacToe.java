package org.gamebackend.games.tictactoe;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gamebackend.engine.Game;
import org.gamebackend.engine.GameSpec;
import org.gamebackend.engine.InputResult;
import org.gamebackend.engine.MatchContext;
import org.gamebackend.engine.Seat;
import org.jspecify.annotations.Nullable;

/**
 * Tic-tac-toe for two seats: seat 0 plays X and moves first. A player who lets the turn timer run out, or who leaves
 * for good, forfeits. Result: {@code {winner: player_id | null, reason: line | draw | forfeit}}.
 */
public final class TicTacToe implements Game<TicTacToe.State, TicTacToe.Move> {

    /**
     * 10 ticks a second although nothing moves between turns: an input waits for the next tick, so the tick rate bounds
     * how long a move takes to show (100 ms), and a tick that only compares the deadline costs nothing. Patch rate 0:
     * state goes out only when a move or the end changes it.
     */
    static final GameSpec SPEC = new GameSpec("tictactoe", 10, 0, 2, 2);

    private static final int[][] LINES = {
        {0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {0, 3, 6}, {1, 4, 7}, {2, 5, 8}, {0, 4, 8}, {2, 4, 6}
    };

    /** A mark on {@code cell} 0..8, row by row; boxed so that a missing cell is refused, not read as 0. */
    public record Move(@Nullable Integer cell) {}

    /**
     * What clients see in patches: the {@code board}; {@code turn}, the player to move (null once decided);
     * {@code marks}, player id to X or O in seat order; {@code turn_deadline}, the tick at which {@code turn} forfeits.
     */
    public static final class State {
        String[] board = {"", "", "", "", "", "", "", "", ""};
        LinkedHashMap<String, String> marks = new LinkedHashMap<>();
        long turnDeadline;

        @Nullable
        String turn;
    }

    private final Duration turnTime;

    public TicTacToe(Duration turnTime) {
        if (!turnTime.isPositive()) {
            throw new IllegalArgumentException("turn time must be positive, was " + turnTime);
        }
        this.turnTime = turnTime;
    }

    @Override
    public GameSpec spec() {
        return SPEC;
    }

    @Override
    public Class<State> stateType() {
        return State.class;
    }

    @Override
    public Class<Move> inputType() {
        return Move.class;
    }

    @Override
    public State create(MatchContext ctx) {
        State state = new State();
        state.marks.put(id(ctx.seats().get(0)), "X");
        state.marks.put(id(ctx.seats().get(1)), "O");
        state.turn = id(ctx.seats().get(0));
        // The first clock starts now, not when both have joined: a player who never connects must still lose.
        state.turnDeadline = ctx.tick() + ctx.ticks(turnTime);
        return state;
    }

    @Override
    public InputResult input(State state, Seat seat, Move move, MatchContext ctx) {
        String player = id(seat);
        if (!player.equals(state.turn)) { // also once decided: turn is null
            return InputResult.reject("not_your_turn");
        }
        Integer cell = move.cell();
        if (cell == null || cell < 0 || cell > 8) {
            return InputResult.reject("bad_cell");
        }
        if (!state.board[cell].isEmpty()) {
            return InputResult.reject("cell_taken");
        }
        state.board[cell] = state.marks.getOrDefault(player, "X");
        if (completesLine(state.board, cell)) {
            finish(state, player, "line", ctx);
        } else if (!Arrays.asList(state.board).contains("")) {
            finish(state, null, "draw", ctx);
        } else {
            state.turn = opponent(ctx, player);
            state.turnDeadline = ctx.tick() + ctx.ticks(turnTime);
            ctx.patchNow();
        }
        return InputResult.ok();
    }

    @Override
    public void tick(State state, MatchContext ctx) {
        if (state.turn != null && ctx.tick() >= state.turnDeadline) {
            finish(state, opponent(ctx, state.turn), "forfeit", ctx);
        }
    }

    @Override
    public void leave(State state, Seat seat, MatchContext ctx) {
        if (state.turn != null) {
            finish(state, opponent(ctx, id(seat)), "forfeit", ctx);
        }
    }

    private static void finish(State state, @Nullable String winner, String reason, MatchContext ctx) {
        state.turn = null;
        ctx.patchNow(); // the final board, before match_end
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("winner", winner); // null on a draw, as API.md says
        result.put("reason", reason);
        ctx.end(result);
    }

    private static boolean completesLine(String[] board, int cell) {
        for (int[] line : LINES) {
            if ((line[0] == cell || line[1] == cell || line[2] == cell)
                    && board[line[0]].equals(board[line[1]])
                    && board[line[1]].equals(board[line[2]])) {
                return true;
            }
        }
        return false;
    }

    private static String opponent(MatchContext ctx, String player) {
        String first = id(ctx.seats().get(0));
        return first.equals(player) ? id(ctx.seats().get(1)) : first;
    }

    private static String id(Seat seat) {
        return seat.player().toString();
    }
}
