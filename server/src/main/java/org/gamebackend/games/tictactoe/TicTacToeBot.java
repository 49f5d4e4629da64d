package org.gamebackend.games.tictactoe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gamebackend.bots.Bot;
import org.gamebackend.bots.BotPolicy;
import org.gamebackend.bots.BotSeat;
import org.gamebackend.engine.Seat;
import org.jspecify.annotations.Nullable;

/**
 * Tic-tac-toe's rule-based bot. {@code HARD} plays perfectly: every position's game-theoretic value is searched once
 * (5,478 reachable positions, memoized in a 3⁹ table shared by all bots) and the bot picks at random among the moves
 * that keep the best value, so it never loses and does not always play the same game. {@code MEDIUM} plays a random
 * move instead a quarter of the time, {@code EASY} more than half the time — except that both still take a win on the
 * board: their mistakes look like oversights, not like giving up.
 *
 * <p>It waits {@value #THINK_TICKS} ticks before moving, so a person sees the board settle before the reply.
 */
public final class TicTacToeBot implements BotPolicy<TicTacToe.State, TicTacToe.Move> {

    static final int THINK_TICKS = 3;

    private static final int[][] LINES = {
        {0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {0, 3, 6}, {1, 4, 7}, {2, 5, 8}, {0, 4, 8}, {2, 4, 6}
    };
    private static final int[] POW3 = {1, 3, 9, 27, 81, 243, 729, 2187, 6561};
    /** Value of each position for the side to move: +1 win, 0 draw, -1 loss; {@link #UNKNOWN} until searched. */
    private static final byte[] VALUES = new byte[19683];

    private static final byte UNKNOWN = 2;

    static {
        java.util.Arrays.fill(VALUES, UNKNOWN);
    }

    @Override
    public String game() {
        return TicTacToe.SPEC.name();
    }

    @Override
    public Class<TicTacToe.State> stateType() {
        return TicTacToe.State.class;
    }

    @Override
    public Class<TicTacToe.Move> inputType() {
        return TicTacToe.Move.class;
    }

    @Override
    public Bot<TicTacToe.State, TicTacToe.Move> create(BotSeat seat) {
        String me = seat.seat().player().toString();
        double mistakes = switch (seat.difficulty()) {
            case EASY -> 0.6;
            case MEDIUM -> 0.25;
            case HARD -> 0;
        };
        SplittableRandom random = new SplittableRandom(seat.seed());
        return new Bot<>() {
            private long turnSeenAt = -1;
            private String lastTurnBoard = "";

            @Override
            public TicTacToe.@Nullable Move decide(TicTacToe.State state, long tick) {
                if (!me.equals(state.turn)) {
                    turnSeenAt = -1;
                    return null;
                }
                String board = String.join(",", state.board);
                if (turnSeenAt < 0 || !board.equals(lastTurnBoard)) {
                    turnSeenAt = tick;
                    lastTurnBoard = board;
                }
                if (tick - turnSeenAt < THINK_TICKS) {
                    return null;
                }
                turnSeenAt = tick; // a refused move (it should not be) is retried after another pause
                return new TicTacToe.Move(choose(cells(state, me), mistakes, random));
            }
        };
    }

    @Override
    public Object observe(TicTacToe.State state, Seat seat) {
        String me = seat.player().toString();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("board", state.board.clone());
        view.put("mark", state.marks.getOrDefault(me, ""));
        view.put("your_turn", me.equals(state.turn));
        return view;
    }

    @Override
    public List<TicTacToe.Move> legalActions(TicTacToe.State state, Seat seat) {
        if (!seat.player().toString().equals(state.turn)) {
            return List.of();
        }
        List<TicTacToe.Move> moves = new ArrayList<>();
        for (int c = 0; c < 9; c++) {
            if (state.board[c].isEmpty()) {
                moves.add(new TicTacToe.Move(c));
            }
        }
        return moves;
    }

    @Override
    public boolean wantsDecision(TicTacToe.State state, Seat seat, long tick) {
        return seat.player().toString().equals(state.turn);
    }

    /** The board from the mover's side: 0 empty, 1 the mover's mark, 2 the opponent's. */
    static int[] cells(TicTacToe.State state, String me) {
        String mine = state.marks.getOrDefault(me, "X");
        int[] cells = new int[9];
        for (int c = 0; c < 9; c++) {
            String mark = state.board[c];
            cells[c] = mark.isEmpty() ? 0 : mark.equals(mine) ? 1 : 2;
        }
        return cells;
    }

    /** A cell for the mover: a random best move, or with probability {@code mistakes} a random one (wins are kept). */
    static int choose(int[] cells, double mistakes, SplittableRandom random) {
        List<Integer> empty = new ArrayList<>();
        List<Integer> best = new ArrayList<>();
        List<Integer> winning = new ArrayList<>();
        int bestValue = Integer.MIN_VALUE;
        for (int c = 0; c < 9; c++) {
            if (cells[c] != 0) {
                continue;
            }
            empty.add(c);
            cells[c] = 1;
            int value = wins(cells, 1) ? 1 : -value(swap(cells));
            if (wins(cells, 1)) {
                winning.add(c);
            }
            cells[c] = 0;
            if (value > bestValue) {
                bestValue = value;
                best.clear();
            }
            if (value == bestValue) {
                best.add(c);
            }
        }
        if (!winning.isEmpty()) {
            return winning.get(random.nextInt(winning.size()));
        }
        List<Integer> from = mistakes > 0 && random.nextDouble() < mistakes ? empty : best;
        return from.get(random.nextInt(from.size()));
    }

    /** Negamax value for the side to move (their marks are 1), memoized. */
    static int value(int[] cells) {
        int key = 0;
        for (int c = 0; c < 9; c++) {
            key += cells[c] * POW3[c];
        }
        byte known = VALUES[key];
        if (known != UNKNOWN) {
            return known;
        }
        int best;
        if (wins(cells, 2)) {
            best = -1; // the side that just moved has a line
        } else {
            best = Integer.MIN_VALUE;
            for (int c = 0; c < 9; c++) {
                if (cells[c] == 0) {
                    cells[c] = 1;
                    best = Math.max(best, -value(swap(cells)));
                    cells[c] = 0;
                }
            }
            if (best == Integer.MIN_VALUE) {
                best = 0; // full board, no line: a draw
            }
        }
        VALUES[key] = (byte) best; // racing threads write the same value: no lock needed
        return best;
    }

    /** The same board from the other side. */
    static int[] swap(int[] cells) {
        int[] other = new int[9];
        for (int c = 0; c < 9; c++) {
            other[c] = cells[c] == 0 ? 0 : 3 - cells[c];
        }
        return other;
    }

    static boolean wins(int[] cells, int who) {
        for (int[] line : LINES) {
            if (cells[line[0]] == who && cells[line[1]] == who && cells[line[2]] == who) {
                return true;
            }
        }
        return false;
    }
}
