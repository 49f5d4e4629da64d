package org.gamebackend.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.gamebackend.engine.DeterministicRandom;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.Seat;
import org.junit.jupiter.api.Test;

/** Replaying a match's log from its seed reproduces its final state, through snapshots and restarts too. */
class ReplayDeterminismTests {

    final StateCodec codec = new StateCodec();

    @Test
    void theLogAndSeedReproduceTheFinalState() {
        CounterGame game = new CounterGame(20);
        List<Seat> seats = EngineHarness.seats(3);
        Simulation<CounterGame.State, CounterGame.Add> live =
                Simulation.start(MatchId.random(), game, seats, codec, Duration.ofSeconds(1), 42);
        DeterministicRandom script = new DeterministicRandom(99);
        for (int t = 0; t < 300; t++) {
            int seat = script.nextInt(3);
            switch (script.nextInt(6)) {
                case 0 -> live.apply(LogEntry.of(live.currentTick(), seat, LogEntry.Kind.JOIN));
                case 1 -> live.apply(LogEntry.of(live.currentTick(), seat, LogEntry.Kind.DROP));
                default -> {
                    int amount = script.nextInt(5) - 1;
                    byte[] json = ("{\"amount\":" + amount + "}").getBytes(StandardCharsets.UTF_8);
                    live.apply(new LogEntry(live.currentTick(), seat, LogEntry.Kind.INPUT, json, null));
                }
            }
            live.step();
            if (t == 150) {
                Snapshot snapshot = live.snapshot();
                live.step();
                live.restore(snapshot); // a crash between snapshots: the rolled-back tick is not in the log
            }
        }
        String liveHash = StateCodec.sha256(live.stateBytes());

        Simulation<CounterGame.State, CounterGame.Add> replay =
                Simulation.start(MatchId.random(), game, seats, codec, Duration.ofDays(36_500), 42);
        assertThat(replay(live, replay))
                .as("log entries applied")
                .isEqualTo(InputLog.entries(live.log().toBytes()).size());
        assertThat(StateCodec.sha256(replay.stateBytes())).isEqualTo(liveHash);
        assertThat(new String(replay.stateBytes(), StandardCharsets.UTF_8)).contains("leave");
    }

    @Test
    void aDifferentSeedGivesADifferentState() {
        CounterGame game = new CounterGame(20);
        List<Seat> seats = EngineHarness.seats(1);
        var a = Simulation.start(MatchId.random(), game, seats, codec, Duration.ofSeconds(1), 1);
        var b = Simulation.start(MatchId.random(), game, seats, codec, Duration.ofSeconds(1), 2);
        for (int i = 0; i < 50; i++) {
            a.step();
            b.step();
        }
        assertThat(StateCodec.sha256(a.stateBytes())).isNotEqualTo(StateCodec.sha256(b.stateBytes()));
    }

    /** Feeds {@code live}'s log, tick by tick, into {@code replay} until it has reached the same tick. */
    static int replay(Simulation<?, ?> live, Simulation<?, ?> replay) {
        List<LogEntry> entries = InputLog.entries(live.log().toBytes());
        int next = 0;
        while (replay.currentTick() < live.currentTick()) {
            while (next < entries.size() && entries.get(next).tick() == replay.currentTick()) {
                replay.apply(entries.get(next++));
            }
            replay.step();
        }
        return next;
    }
}
