package org.gamebackend.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.junit.jupiter.api.Test;

class RestartPointTests {

    private final StateCodec codec = new StateCodec();

    private Simulation<CounterGame.State, CounterGame.Add> started() {
        var sim = Simulation.start(
                MatchId.random(), new CounterGame(20), EngineHarness.seats(2), codec, Duration.ofSeconds(30), 5);
        sim.apply(LogEntry.of(0, 0, LogEntry.Kind.JOIN));
        sim.apply(LogEntry.of(0, 1, LogEntry.Kind.JOIN));
        return sim;
    }

    private static void add(Simulation<?, ?> sim, int amount) {
        byte[] json = ("{\"amount\":" + amount + "}").getBytes(StandardCharsets.UTF_8);
        sim.apply(new LogEntry(sim.currentTick(), 0, LogEntry.Kind.INPUT, json, null));
    }

    @Test
    void aRestartPointIsRefilledInPlaceAndRestoresTheLatestCheckpoint() {
        var sim = started();
        RestartPoint point = new RestartPoint();
        for (int t = 0; t < 10; t++) {
            sim.step();
        }
        sim.checkpoint(point);
        byte[] state = point.state;
        boolean[] joined = point.joined;
        PlayerId[] players = point.players;

        add(sim, 2);
        for (int t = 0; t < 10; t++) {
            sim.step();
        }
        sim.checkpoint(point);
        byte[] atCheckpoint = sim.stateBytes();
        long tick = sim.currentTick();
        int logged = sim.log().size();
        assertThat(point.state).as("the same array, refilled").isSameAs(state);
        assertThat(point.joined).isSameAs(joined);
        assertThat(point.players).isSameAs(players);

        add(sim, 3);
        sim.step();
        sim.step();
        assertThat(sim.stateBytes()).isNotEqualTo(atCheckpoint);
        assertThat(sim.log().size()).isEqualTo(logged + 1);

        sim.restore(point);
        assertThat(sim.currentTick()).isEqualTo(tick);
        assertThat(sim.stateBytes()).as("the latest checkpoint, not the first").isEqualTo(atCheckpoint);
        assertThat(sim.log().size())
                .as("the input after the checkpoint is rolled back")
                .isEqualTo(logged);
    }

    @Test
    void aStoredSnapshotHoldsWhatARestartPointHoldsAndRestoresTheSame() {
        var sim = started();
        for (int t = 0; t < 5; t++) {
            sim.step();
        }
        Snapshot stored = sim.snapshot();
        byte[] before = sim.stateBytes();

        add(sim, 4);
        sim.step();
        assertThat(sim.stateBytes()).isNotEqualTo(before);

        sim.restore(stored);
        assertThat(sim.stateBytes()).isEqualTo(before);
        assertThat(stored.state()).isEqualTo(before);
        assertThat(stored.players())
                .containsExactly(
                        sim.seats().get(0).player().toString(),
                        sim.seats().get(1).player().toString());
        assertThat(stored.joined()).containsExactly(true, true);
    }
}
