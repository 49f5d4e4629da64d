package org.gamebackend.engine.internal;

import java.util.List;
import java.util.Optional;
import org.gamebackend.engine.Game;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchResult;
import org.gamebackend.engine.Seat;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays: what a stored match recorded, and re-simulation. Re-simulating runs the very {@link Simulation} the live
 * match ran, fed the logged events at their ticks, and hashes the final state: the same hash as the live match's
 * proves the game deterministic for that match.
 */
public final class Replays {

    /** Leaves after a drop are in the log already; the replay must not add its own. */
    private static final java.time.Duration NO_GRACE_EXPIRY = java.time.Duration.ofDays(36_500);

    private final MatchStore store;
    private final MatchEngine engine;
    private final JsonMapper json;

    Replays(MatchStore store, MatchEngine engine, JsonMapper json) {
        this.store = store;
        this.engine = engine;
        this.json = json;
    }

    /**
     * @param events every join, drop, leave and input with its tick, in the order applied
     * @param finalStateHash SHA-256 of the final state's JSON
     */
    public record ReplayView(
            MatchId matchId,
            String game,
            long seed,
            long ticks,
            List<Seat> seats,
            String finalStateHash,
            List<Event> events) {}

    /** @param input the input as the player sent it (inputs only) */
    public record Event(
            long tick, int seat, String kind, @Nullable JsonNode input) {}

    public Optional<ReplayView> view(MatchId id) {
        return store.replay(id)
                .map(r -> new ReplayView(
                        r.id(),
                        r.game(),
                        r.seed(),
                        r.ticks(),
                        r.seats(),
                        r.finalHash(),
                        InputLog.entries(r.log()).stream()
                                .map(e -> new Event(
                                        e.tick(),
                                        e.seat(),
                                        e.kind().name().toLowerCase(java.util.Locale.ROOT),
                                        e.input() == null ? null : json.readTree(e.input())))
                                .toList()));
    }

    /** Re-simulates a stored match; returns the final state's hash (compare with {@link ReplayView#finalStateHash}). */
    public Optional<String> resimulate(MatchId id) {
        return store.replay(id).map(r -> resimulate(engine.game(r.game()), r));
    }

    private String resimulate(Game<?, ?> game, MatchStore.Replay r) {
        Simulation<?, ?> sim = replay(game, r.id(), r.seats(), r.seed(), r.log(), r.ticks(), engine.codec());
        if (sim.result() == null && MatchResult.ABORTED.equals(r.status())) {
            sim.abort(String.valueOf(r.result().getOrDefault("reason", "aborted")));
        }
        return StateCodec.sha256(sim.stateBytes());
    }

    /**
     * The live loop over a recorded log — events of a tick, then the tick itself — until the match ends inside an event
     * or a tick, or {@code ticks} have run; returns the simulation as it stands then.
     */
    static Simulation<?, ?> replay(
            Game<?, ?> game, MatchId id, List<Seat> seats, long seed, byte[] log, long ticks, StateCodec codec) {
        Simulation<?, ?> sim = Simulation.start(id, game, seats, codec, NO_GRACE_EXPIRY, seed);
        List<LogEntry> entries = InputLog.entries(log);
        int next = 0;
        while (true) {
            while (next < entries.size() && entries.get(next).tick() == sim.currentTick()) {
                sim.apply(entries.get(next++));
            }
            if (sim.result() != null || sim.currentTick() >= ticks) {
                return sim;
            }
            sim.step();
            sim.discardOutbox();
        }
    }
}
