package org.gamebackend.games.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.gamebackend.engine.DeterministicRandom;
import org.gamebackend.games.TestMatch;
import org.junit.jupiter.api.Test;

/** Replays and restarts rely on this: the same seed and the same inputs at the same ticks give the same match. */
class ArenaDeterminismTests {

    static final int PLAYERS = 4;

    /** Four busy players: each tick each one walks, turns and maybe fires, as a script fixed by (tick, seat). */
    static void play(TestMatch<ArenaState, ArenaInput> match, long fromTick, long toTick) {
        while (match.tick() < toTick) {
            long tick = match.tick();
            for (int seat = 0; seat < PLAYERS; seat++) {
                DeterministicRandom script = new DeterministicRandom(tick * 31 + seat);
                double dx = script.nextDouble() * 2 - 1;
                double dy = script.nextDouble() * 2 - 1;
                double aim = (script.nextDouble() * 2 - 1) * Math.PI;
                match.input(seat, new ArenaInput(tick + 1, new double[] {dx, dy}, script.nextInt(3) == 0, aim));
            }
            match.step();
        }
        assertThat(match.tick()).isGreaterThan(fromTick);
    }

    static TestMatch<ArenaState, ArenaInput> started(long seed) {
        TestMatch<ArenaState, ArenaInput> match = new TestMatch<>(new Arena(Duration.ofMinutes(3)), PLAYERS, seed);
        match.joinAll();
        return match;
    }

    @Test
    void sameSeedAndInputsGiveTheSameStateJson() {
        TestMatch<ArenaState, ArenaInput> a = started(11);
        TestMatch<ArenaState, ArenaInput> b = started(11);
        play(a, 0, 1200);
        play(b, 0, 1200);
        assertThat(a.stateJson()).isEqualTo(b.stateJson());
        assertThat(a.broadcasts).isEqualTo(b.broadcasts);

        int kills = 0;
        for (ArenaState.Player p : a.state.players) {
            kills += p.score;
        }
        assertThat(kills)
                .as("a minute of play with kills, so the comparison covers combat")
                .isPositive();

        TestMatch<ArenaState, ArenaInput> c = started(12);
        play(c, 0, 1200);
        assertThat(c.stateJson()).as("another seed spawns elsewhere").isNotEqualTo(a.stateJson());
    }

    @Test
    void aRestoredSnapshotContinuesExactlyLikeTheOriginal() {
        TestMatch<ArenaState, ArenaInput> original = started(5);
        play(original, 0, 600);
        String snapshot = original.stateJson();
        long randomState = original.random().state();

        TestMatch<ArenaState, ArenaInput> restored = started(999);
        restored.restore(snapshot, randomState);
        restored.setTick(600);
        assertThat(restored.stateJson()).isEqualTo(snapshot);

        play(original, 600, 1800);
        play(restored, 600, 1800);
        assertThat(restored.stateJson()).isEqualTo(original.stateJson());
    }

    @Test
    void theTimeLimitEndsTheMatchWithTheSameResultOnEveryRun() {
        TestMatch<ArenaState, ArenaInput> a = new TestMatch<>(new Arena(Duration.ofSeconds(30)), PLAYERS, 3);
        TestMatch<ArenaState, ArenaInput> b = new TestMatch<>(new Arena(Duration.ofSeconds(30)), PLAYERS, 3);
        a.joinAll();
        b.joinAll();
        play(a, 0, 600);
        play(b, 0, 600);
        assertThat(a.ends).hasSize(1);
        assertThat(a.result()).containsKeys("winner", "scores").containsEntry("reason", "time");
        assertThat(a.ends).isEqualTo(b.ends);
    }
}
