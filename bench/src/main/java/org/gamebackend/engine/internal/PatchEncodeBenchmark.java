package org.gamebackend.engine.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.RawJson;
import org.gamebackend.engine.Seat;
import org.gamebackend.games.arena.Arena;
import org.gamebackend.games.arena.ArenaInput;
import org.gamebackend.games.arena.ReflectiveArenaView;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One arena patch, piece by piece: the game's view of a 4-player match in play (shots flying), the view encoded by
 * the state codec, and the broadcast payload around the encoded state encoded again as PubSub does. The
 * {@code …Reflective} and {@code …Map} cases are what the view and the payload cost before they wrote themselves.
 *
 * <p>{@code bash bench/scripts/jmh.sh PatchEncodeBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PatchEncodeBenchmark {

    private final StateCodec codec = new StateCodec();
    private final Simulation<?, ?> sim;
    private final Object view;
    private final Object reflectiveView;
    private final byte[] encoded;

    public PatchEncodeBenchmark() {
        List<Seat> seats = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            seats.add(new Seat(s, new PlayerId(UUID.randomUUID()), false, s));
        }
        sim = Simulation.start(
                MatchId.random(), new Arena(Duration.ofHours(1)), seats, codec, Duration.ofSeconds(30), 7);
        for (int s = 0; s < 4; s++) {
            sim.apply(LogEntry.of(0, s, LogEntry.Kind.JOIN));
        }
        for (int t = 1; t <= 200; t++) {
            for (int s = 0; s < 4; s++) {
                double angle = (t + s) * 0.1;
                sim.apply(new LogEntry(
                        sim.currentTick(),
                        s,
                        LogEntry.Kind.INPUT,
                        null,
                        new ArenaInput(t, new double[] {Math.cos(angle), Math.sin(angle)}, t % 4 == 0, angle)));
            }
            sim.step();
        }
        view = sim.view();
        reflectiveView = ReflectiveArenaView.of(view);
        encoded = codec.write(view);
        System.out.println("\npatch state: " + encoded.length + " bytes: " + new String(encoded));
        System.out.println("snapshot state: " + sim.snapshot().state().length + " bytes");
    }

    @Benchmark
    public Object view() {
        return sim.view();
    }

    @Benchmark
    public byte[] encodeView() {
        return codec.write(view);
    }

    /** The whole state and the log checkpoint, as every match does every {@code snapshot-every} ticks. */
    @Benchmark
    public Object snapshot() {
        return sim.snapshot();
    }

    @Benchmark
    public byte[] encodeViewReflective() {
        return codec.write(reflectiveView);
    }

    @Benchmark
    public void encodePayload(Blackhole bh) {
        bh.consume(codec.write(new StatePush(200L, RawJson.value(encoded))));
    }

    @Benchmark
    public void encodePayloadMap(Blackhole bh) {
        bh.consume(codec.write(Map.of("tick", 200L, "state", RawJson.value(encoded))));
    }
}
