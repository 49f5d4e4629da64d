package org.gamebackend.botpolicy;

import java.util.SplittableRandom;

/**
 * A tic-tac-toe value table learned by self-play. A position is the board from the side to move (each cell 0 empty, 1
 * the mover's mark, 2 the opponent's), indexed in base 3 — 3⁹ = 19,683 entries, most never reached. Its value is what
 * the mover can expect: +1 win, 0 draw, -1 loss.
 *
 * <p>Learning: games against itself, ε-greedy. At every position it visits, the table moves a step α towards the
 * best one-move look-ahead — a win now is worth +1, a full board 0, any other move minus the value of the position it
 * leaves to the opponent (negamax TD backup) — then plays that best move, or a random one with probability ε so that
 * every line keeps being tried. Nothing is searched beyond one move: what the bot knows about deeper lines it has
 * learned from the games it played. Tens of thousands of games take well under a second.
 */
public final class TicTacToeValues {

    static final int[][] LINES = {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {0, 3, 6}, {1, 4, 7}, {2, 5, 8}, {0, 4, 8}, {2, 4, 6}
    };
    private static final int[] POW3 = {1, 3, 9, 27, 81, 243, 729, 2187, 6561};

    private final double[] values = new double[19683];

    private TicTacToeValues() {}

    /**
     * Learns by {@code games} games of self-play.
     *
     * @param epsilon probability of a random (exploring) move
     * @param alpha step size of each update
     */
    public static TicTacToeValues train(int games, double epsilon, double alpha, long seed) {
        TicTacToeValues table = new TicTacToeValues();
        SplittableRandom random = new SplittableRandom(seed);
        int[] cells = new int[9];
        for (int g = 0; g < games; g++) {
            java.util.Arrays.fill(cells, 0);
            for (int ply = 0; ply < 9; ply++) {
                int best = table.bestMove(cells, random);
                int key = key(cells);
                double target = table.moveValue(cells, best);
                table.values[key] += alpha * (target - table.values[key]);
                int move = random.nextDouble() < epsilon ? randomEmpty(cells, random) : best;
                cells[move] = 1;
                if (wins(cells, 1)) {
                    break;
                }
                swap(cells); // the opponent's turn: the board from their side
            }
        }
        return table;
    }

    /** The learned value of a position for the side to move. */
    public double value(int[] cells) {
        return values[key(cells)];
    }

    /** What playing {@code cell} is worth to the mover by one-move look-ahead on the table. */
    public double moveValue(int[] cells, int cell) {
        cells[cell] = 1;
        try {
            if (wins(cells, 1)) {
                return 1;
            }
            if (full(cells)) {
                return 0;
            }
            int[] theirs = cells.clone();
            swap(theirs);
            return -values[key(theirs)];
        } finally {
            cells[cell] = 0;
        }
    }

    /** A best empty cell for the mover (ties broken at random); -1 when the board is full. */
    public int bestMove(int[] cells, SplittableRandom random) {
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        int ties = 0;
        for (int c = 0; c < 9; c++) {
            if (cells[c] != 0) {
                continue;
            }
            double v = moveValue(cells, c);
            if (v > bestValue + 1e-9) {
                bestValue = v;
                best = c;
                ties = 1;
            } else if (v > bestValue - 1e-9 && random.nextInt(++ties) == 0) {
                best = c;
            }
        }
        return best;
    }

    static int key(int[] cells) {
        int key = 0;
        for (int c = 0; c < 9; c++) {
            key += cells[c] * POW3[c];
        }
        return key;
    }

    static boolean wins(int[] cells, int who) {
        for (int[] line : LINES) {
            if (cells[line[0]] == who && cells[line[1]] == who && cells[line[2]] == who) {
                return true;
            }
        }
        return false;
    }

    static boolean full(int[] cells) {
        for (int c : cells) {
            if (c == 0) {
                return false;
            }
        }
        return true;
    }

    static void swap(int[] cells) {
        for (int c = 0; c < 9; c++) {
            cells[c] = cells[c] == 0 ? 0 : 3 - cells[c];
        }
    }

    private static int randomEmpty(int[] cells, SplittableRandom random) {
        int seen = 0;
        int pick = -1;
        for (int c = 0; c < 9; c++) {
            if (cells[c] == 0 && random.nextInt(++seen) == 0) {
                pick = c;
            }
        }
        return pick;
    }
}
