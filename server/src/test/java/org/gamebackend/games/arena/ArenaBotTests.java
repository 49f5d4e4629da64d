package org.gamebackend.games.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.gamebackend.bots.Bot;
import org.gamebackend.bots.BotSeat;
import org.gamebackend.bots.Difficulty;
import org.gamebackend.engine.InputResult;
import org.gamebackend.games.TestMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArenaBotTests {

    private final ArenaBot policy = new ArenaBot();

    @ParameterizedTest
    @EnumSource(Difficulty.class)
    void beatsAPlayerWhoStandsStill(Difficulty level) {
        for (long seed = 1; seed <= 3; seed++) {
            TestMatch<ArenaState, ArenaInput> match = new TestMatch<>(new Arena(Duration.ofSeconds(90)), 2, seed);
            match.joinAll();
            Bot<ArenaState, ArenaInput> bot = policy.create(new BotSeat(match.seat(0), "test", level, seed));
            play(match, new Bot<?, ?>[] {bot, null});
            Map<?, ?> scores = (Map<?, ?>) match.result().get("scores");
            assertThat((Integer) scores.get(match.id(0)))
                    .as("%s, seed %d", level, seed)
                    .isGreaterThanOrEqualTo(3);
            assertThat((Integer) scores.get(match.id(1))).isZero();
            assertThat(match.result().get("winner")).isEqualTo(match.id(0));
        }
    }

    @Test
    void theTopLevelOutscoresTheLowest() {
        int hard = 0;
        int easy = 0;
        for (long seed = 1; seed <= 4; seed++) {
            TestMatch<ArenaState, ArenaInput> match = new TestMatch<>(new Arena(Duration.ofSeconds(90)), 2, seed);
            match.joinAll();
            play(match, new Bot<?, ?>[] {
                policy.create(new BotSeat(match.seat(0), "test", Difficulty.HARD, seed)),
                policy.create(new BotSeat(match.seat(1), "test", Difficulty.EASY, seed + 100))
            });
            Map<?, ?> scores = (Map<?, ?>) match.result().get("scores");
            hard += (Integer) scores.get(match.id(0));
            easy += (Integer) scores.get(match.id(1));
        }
        assertThat(hard).isGreaterThan(easy);
        assertThat(hard + easy).isGreaterThan(4); // they fight, not wander
    }

    /** Four bots to the end: every input they send is one the game accepts. */
    @Test
    void everyInputIsValid() {
        TestMatch<ArenaState, ArenaInput> match = new TestMatch<>(new Arena(Duration.ofSeconds(30)), 4, 5);
        match.joinAll();
        Bot<?, ?>[] bots = new Bot<?, ?>[4];
        for (int i = 0; i < 4; i++) {
            bots[i] = policy.create(new BotSeat(match.seat(i), "test", Difficulty.values()[i % 3], i));
        }
        int inputs = play(match, bots);
        assertThat(inputs).isGreaterThan(4 * 30 * 20 / 5);
    }

    /** Runs the match to its end the engine's way (inputs, then the tick); returns how many inputs the bots sent. */
    @SuppressWarnings("unchecked")
    private static int play(TestMatch<ArenaState, ArenaInput> match, Bot<?, ?>[] bots) {
        int inputs = 0;
        while (match.result() == null) {
            for (int i = 0; i < bots.length; i++) {
                if (bots[i] == null) {
                    continue;
                }
                ArenaInput in = ((Bot<ArenaState, ArenaInput>) bots[i]).decide(match.state, match.tick());
                if (in != null) {
                    assertThat(match.input(i, in)).isEqualTo(InputResult.ok());
                    inputs++;
                }
            }
            match.step();
        }
        return inputs;
    }
}
