package org.gamebackend.games.tictactoe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gamebackend.bots.Bot;
import org.gamebackend.bots.BotSeat;
import org.gamebackend.bots.Difficulty;
import org.gamebackend.engine.InputResult;
import org.gamebackend.games.TestMatch;
import org.junit.jupiter.api.Test;

class TicTacToeBotTests {

    /** Every game an opponent can play against the top level, moving first or second: none is lost. */
    @Test
    void theTopLevelNeverLosesWhateverTheOpponentPlays() {
        for (long seed = 0; seed < 8; seed++) {
            Tally asFirst = new Tally();
            explore(new int[9], true, new SplittableRandom(seed), asFirst);
            Tally asSecond = new Tally();
            explore(new int[9], false, new SplittableRandom(seed), asSecond);
            assertThat(asFirst.losses + asSecond.losses).isZero();
            // the whole tree was walked: with the bot second, every one of the opponent's 9 openings is met
            assertThat(asSecond.games).isGreaterThan(100);
            assertThat(asFirst.wins + asSecond.wins).isGreaterThan(0);
        }
    }

    @Test
    void lowerLevelsMakeMistakesThatThePerfectBotPunishes() {
        SplittableRandom random = new SplittableRandom(11);
        int[] easyLosses = new int[1];
        int[] mediumLosses = new int[1];
        for (int game = 0; game < 400; game++) {
            easyLosses[0] += duel(0.6, random, game % 2 == 0) < 0 ? 1 : 0;
            mediumLosses[0] += duel(0.25, random, game % 2 == 0) < 0 ? 1 : 0;
        }
        assertThat(easyLosses[0]).isGreaterThan(mediumLosses[0]);
        assertThat(mediumLosses[0]).isPositive();
    }

    /** The bot through the game's own hooks, against a player who moves at random: it never loses and mostly wins. */
    @Test
    void theBotPlaysWholeMatchesThroughTheGameHooks() {
        TicTacToeBot policy = new TicTacToeBot();
        SplittableRandom human = new SplittableRandom(3);
        int wins = 0;
        for (int game = 0; game < 60; game++) {
            TestMatch<TicTacToe.State, TicTacToe.Move> match =
                    new TestMatch<>(new TicTacToe(Duration.ofSeconds(30)), 2, game);
            int botSeat = game % 2;
            Bot<TicTacToe.State, TicTacToe.Move> bot =
                    policy.create(new BotSeat(match.seat(botSeat), "test", Difficulty.HARD, game));
            match.joinAll();
            while (match.result() == null) {
                TicTacToe.Move move = bot.decide(match.state, match.tick());
                if (move != null) {
                    assertThat(match.input(botSeat, move)).isEqualTo(InputResult.ok());
                } else if (match.id(1 - botSeat).equals(match.state.turn)) {
                    List<Integer> empty = new ArrayList<>();
                    for (int c = 0; c < 9; c++) {
                        if (match.state.board[c].isEmpty()) {
                            empty.add(c);
                        }
                    }
                    match.input(1 - botSeat, new TicTacToe.Move(empty.get(human.nextInt(empty.size()))));
                }
                match.step();
                assertThat(match.tick()).isLessThan(1_000);
            }
            Object winner = match.result().get("winner");
            assertThat(winner).isNotEqualTo(match.id(1 - botSeat));
            wins += match.id(botSeat).equals(winner) ? 1 : 0;
        }
        assertThat(wins).isGreaterThan(40);
    }

    @Test
    void itWaitsForItsTurnAndThinksBeforeMoving() {
        TestMatch<TicTacToe.State, TicTacToe.Move> match = new TestMatch<>(new TicTacToe(Duration.ofSeconds(30)), 2, 1);
        Bot<TicTacToe.State, TicTacToe.Move> second =
                new TicTacToeBot().create(new BotSeat(match.seat(1), "test", Difficulty.HARD, 1));
        assertThat(second.decide(match.state, 0)).isNull(); // X moves first
        match.input(0, new TicTacToe.Move(4));
        match.setTick(5);
        assertThat(second.decide(match.state, 5)).isNull();
        assertThat(second.decide(match.state, 5 + TicTacToeBot.THINK_TICKS - 1)).isNull();
        TicTacToe.Move reply = second.decide(match.state, 5 + TicTacToeBot.THINK_TICKS);
        assertThat(reply).isNotNull();
        // against a centre opening only a corner holds the draw
        assertThat(reply.cell()).isIn(0, 2, 6, 8);
    }

    private static final class Tally {
        int games;
        int wins;
        int losses;
    }

    /** Cells from the bot's side (1 = the bot's mark); the opponent tries every move at each of its turns. */
    private static void explore(int[] cells, boolean botToMove, SplittableRandom random, Tally tally) {
        if (line(cells, 1) || line(cells, 2) || full(cells)) {
            tally.games++;
            tally.wins += line(cells, 1) ? 1 : 0;
            tally.losses += line(cells, 2) ? 1 : 0;
            return;
        }
        if (botToMove) {
            int c = TicTacToeBot.choose(cells.clone(), 0, random);
            assertThat(cells[c]).isZero();
            cells[c] = 1;
            explore(cells, false, random, tally);
            cells[c] = 0;
        } else {
            for (int c = 0; c < 9; c++) {
                if (cells[c] == 0) {
                    cells[c] = 2;
                    explore(cells, true, random, tally);
                    cells[c] = 0;
                }
            }
        }
    }

    /** A perfect bot against one that errs with probability {@code mistakes}: +1 the erring one wins, -1 it loses. */
    private static int duel(double mistakes, SplittableRandom random, boolean erringFirst) {
        int[] cells = new int[9]; // 1 = the erring bot, 2 = the perfect one
        boolean erringToMove = erringFirst;
        while (!line(cells, 1) && !line(cells, 2) && !full(cells)) {
            if (erringToMove) {
                cells[TicTacToeBot.choose(cells.clone(), mistakes, random)] = 1;
            } else {
                cells[TicTacToeBot.choose(TicTacToeBot.swap(cells), 0, random)] = 2;
            }
            erringToMove = !erringToMove;
        }
        return line(cells, 1) ? 1 : line(cells, 2) ? -1 : 0;
    }

    private static boolean line(int[] cells, int who) {
        return TicTacToeBot.wins(cells, who);
    }

    private static boolean full(int[] cells) {
        for (int c : cells) {
            if (c == 0) {
                return false;
            }
        }
        return true;
    }
}
