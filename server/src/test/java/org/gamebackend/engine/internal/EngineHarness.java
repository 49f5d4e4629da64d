package org.gamebackend.engine.internal;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.Game;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchResult;
import org.gamebackend.engine.Seat;

/** Builds live matches without Spring or a database, and records what they send and report. */
final class EngineHarness implements MatchOutlet, MatchRuntime.Listener {

    record Sent(MatchId match, String to, String event, Object payload) {}

    final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    final Queue<MatchResult> ended = new ConcurrentLinkedQueue<>();
    final Queue<Boolean> failures = new ConcurrentLinkedQueue<>();
    final Queue<Integer> backfills = new ConcurrentLinkedQueue<>();
    final Queue<Seat> filled = new ConcurrentLinkedQueue<>();
    final StateCodec codec = new StateCodec();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final EngineMetrics metrics = new EngineMetrics(registry);

    static EngineProperties props(int inputQueue, int snapshotEvery, int maxRestarts, int overrunLimit) {
        return new EngineProperties(
                1,
                inputQueue,
                snapshotEvery,
                maxRestarts,
                overrunLimit,
                Duration.ofMillis(50),
                Duration.ofSeconds(30),
                false,
                Duration.ZERO,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30));
    }

    static List<Seat> seats(int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new Seat(i, new PlayerId(UUID.randomUUID()), false, i))
                .toList();
    }

    <S, I> MatchRuntime match(Game<S, I> game, EngineProperties props, List<Seat> seats, long seed) {
        return match(game, props, seats, seed, null);
    }

    <S, I> MatchRuntime match(
            Game<S, I> game,
            EngineProperties props,
            List<Seat> seats,
            long seed,
            org.gamebackend.engine.@org.jspecify.annotations.Nullable BotPlayers bots) {
        MatchId id = MatchId.random();
        Simulation<S, I> sim = Simulation.start(id, game, seats, codec, props.dropGrace(), seed);
        return new MatchRuntime(
                id,
                "test",
                seed,
                Instant.now(),
                sim,
                this,
                metrics.of(game.spec().name()),
                props,
                codec,
                this,
                System.nanoTime(),
                bots);
    }

    @Override
    public void broadcast(MatchId match, String event, Object payload) {
        sent.add(new Sent(match, "all", event, payload));
    }

    @Override
    public void toPlayer(MatchId match, PlayerId player, String event, Object payload) {
        sent.add(new Sent(match, player.toString(), event, payload));
    }

    @Override
    public void toSpectators(MatchId match, String event, Object payload) {
        sent.add(new Sent(match, "spectators", event, payload));
    }

    @Override
    public void ended(MatchRuntime match, MatchResult result) {
        ended.add(result);
    }

    @Override
    public void failed(MatchRuntime match, Throwable failure, boolean restarted) {
        failures.add(restarted);
    }

    @Override
    public void backfillRequested(MatchRuntime match, Seat seat) {
        backfills.add(seat.index());
    }

    @Override
    public void seatFilled(MatchRuntime match, Seat before, Seat after) {
        filled.add(after);
    }
}
