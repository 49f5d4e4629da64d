package org.gamebackend.engine.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.DeterministicRandom;
import org.gamebackend.engine.Game;
import org.gamebackend.engine.GameSpec;
import org.gamebackend.engine.InputResult;
import org.gamebackend.engine.MatchContext;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchResult;
import org.gamebackend.engine.Seat;
import org.jspecify.annotations.Nullable;

/**
 * The deterministic heart of a match: the game's state, the tick counter, the random source, who is connected, and
 * the log of everything applied. The live runtime and the replayer both drive this one class, so a replay takes
 * exactly the steps the match took. Not thread-safe: one owner at a time.
 *
 * <p>Per tick: log entries (joins, drops, rejoins, leaves, inputs) are applied in arrival order, then seats whose
 * grace period ran out leave, then the game ticks.
 */
final class Simulation<S, I> implements MatchContext {

    private final MatchId id;
    private final Game<S, I> game;
    private final GameSpec spec;
    private final List<Seat> seats;
    private final StateCodec codec;
    private final long graceTicks;
    private final DeterministicRandom random;
    private final InputLog log;
    private final List<Outgoing> outbox = new ArrayList<>();
    private final boolean[] joined;
    private final boolean[] connected;
    private final boolean[] gone;
    private final long[] graceEnds;
    private S state;
    private long tick;
    private boolean patchRequested;
    private @Nullable MatchResult result;

    private Simulation(
            MatchId id,
            Game<S, I> game,
            List<Seat> seats,
            StateCodec codec,
            Duration dropGrace,
            long seed,
            InputLog log) {
        this.id = id;
        this.game = game;
        this.spec = game.spec();
        this.seats = new java.util.ArrayList<>(seats);
        this.codec = codec;
        this.graceTicks = ticks(dropGrace);
        this.random = new DeterministicRandom(seed);
        this.log = log;
        this.joined = new boolean[seats.size()];
        this.connected = new boolean[seats.size()];
        this.gone = new boolean[seats.size()];
        this.graceEnds = new long[seats.size()];
        // a player must connect within the grace period too, or the seat leaves; bots are there from the start
        for (Seat seat : this.seats) {
            graceEnds[seat.index()] = seat.bot() ? -1 : graceTicks;
        }
        this.state = game.create(this);
    }

    static <S, I> Simulation<S, I> start(
            MatchId id, Game<S, I> game, List<Seat> seats, StateCodec codec, Duration dropGrace, long seed) {
        Simulation<S, I> sim = new Simulation<>(id, game, seats, codec, dropGrace, seed, new InputLog());
        // bots are connected from the first tick on: join runs for them now (so replays, which start here too, see it)
        for (Seat seat : sim.seats) {
            if (seat.bot()) {
                sim.joined[seat.index()] = true;
                sim.connected[seat.index()] = true;
                sim.game.join(sim.state, seat, sim);
            }
        }
        return sim;
    }

    /** A match saved by another process: created afresh, then put back to its snapshot with its log. */
    static <S, I> Simulation<S, I> resume(
            MatchId id,
            Game<S, I> game,
            List<Seat> seats,
            StateCodec codec,
            Duration dropGrace,
            long seed,
            Snapshot snapshot,
            byte[] log) {
        Simulation<S, I> sim = new Simulation<>(id, game, seats, codec, dropGrace, seed, InputLog.fromBytes(log));
        sim.discardOutbox();
        sim.restore(snapshot);
        return sim;
    }

    /** Applies one event (and records it); returns the game's verdict for inputs. */
    InputResult apply(LogEntry entry) {
        if (result != null) {
            return InputResult.reject("match_ended");
        }
        Seat seat = seats.get(entry.seat());
        InputResult verdict = InputResult.ok();
        switch (entry.kind()) {
            case JOIN -> {
                if (gone[seat.index()]) {
                    return InputResult.reject("seat_left");
                }
                if (connected[seat.index()]) {
                    return verdict; // another socket of the same player: nothing changes
                }
                boolean first = !joined[seat.index()];
                joined[seat.index()] = true;
                connected[seat.index()] = true;
                graceEnds[seat.index()] = -1;
                if (first) {
                    game.join(state, seat, this);
                } else {
                    game.rejoin(state, seat, this);
                }
            }
            case DROP -> {
                if (!connected[seat.index()]) {
                    return InputResult.reject("not_connected");
                }
                connected[seat.index()] = false;
                graceEnds[seat.index()] = tick + graceTicks;
                game.drop(state, seat, this);
            }
            case LEAVE -> {
                if (gone[seat.index()]) {
                    return InputResult.reject("seat_left");
                }
                gone[seat.index()] = true;
                connected[seat.index()] = false;
                graceEnds[seat.index()] = -1;
                game.leave(state, seat, this);
            }
            case REPLACE -> {
                // a seat left for good, or one a bot holds (a bot gives its seat up to a player)
                if (!gone[seat.index()] && !seat.bot()) {
                    return InputResult.reject("seat_taken");
                }
                PlayerId player = entry.parsed() instanceof PlayerId p
                        ? p
                        : PlayerId.parse(codec.input(Objects.requireNonNull(entry.input()), String.class));
                seats.set(seat.index(), new Seat(seat.index(), player, false, seat.team()));
                gone[seat.index()] = false;
                joined[seat.index()] = false;
                connected[seat.index()] = false;
                // the new player must connect within the grace period too
                graceEnds[seat.index()] = tick + graceTicks;
            }
            case BOT -> {
                if (!gone[seat.index()]) {
                    return InputResult.reject("seat_taken");
                }
                PlayerId bot = entry.parsed() instanceof PlayerId p
                        ? p
                        : PlayerId.parse(codec.input(Objects.requireNonNull(entry.input()), String.class));
                Seat taken = new Seat(seat.index(), bot, true, seat.team());
                seats.set(seat.index(), taken);
                gone[seat.index()] = false;
                joined[seat.index()] = true;
                connected[seat.index()] = true;
                graceEnds[seat.index()] = -1;
                game.join(state, taken, this);
            }
            case INPUT -> {
                if (gone[seat.index()]) {
                    return InputResult.reject("seat_left");
                }
                I input = entry.parsed() != null
                        ? game.inputType().cast(entry.parsed())
                        : codec.input(Objects.requireNonNull(entry.input()), game.inputType());
                verdict = game.input(state, seat, input, this);
            }
        }
        log.append(entry);
        return verdict;
    }

    /** Seats whose grace period ran out leave; then the game advances one tick. */
    void step() {
        for (int i = 0; i < seats.size() && result == null; i++) {
            if (graceEnds[i] >= 0 && tick >= graceEnds[i]) {
                apply(LogEntry.of(tick, i, LogEntry.Kind.LEAVE));
            }
        }
        if (result == null) {
            game.tick(state, this);
        }
        tick++;
    }

    /** Ends the match from outside the game (aborted by the engine or an operator). */
    void abort(String reason) {
        if (result == null) {
            result = MatchResult.aborted(reason);
            game.end(state, result, this);
        }
    }

    boolean isConnected(int seat) {
        return connected[seat];
    }

    @Nullable
    MatchResult result() {
        return result;
    }

    Game<S, I> game() {
        return game;
    }

    /** The live state, for bots to read on the owning thread. */
    Object state() {
        return state;
    }

    boolean isGone(int seat) {
        return gone[seat];
    }

    Object view() {
        return game.view(state);
    }

    byte[] stateBytes() {
        return codec.write(state);
    }

    InputLog log() {
        return log;
    }

    long currentTick() {
        return tick;
    }

    /** Messages sent since the last call, in order. */
    List<Outgoing> drainOutbox() {
        if (outbox.isEmpty()) {
            return List.of();
        }
        List<Outgoing> out = List.copyOf(outbox);
        outbox.clear();
        return out;
    }

    void discardOutbox() {
        outbox.clear();
    }

    boolean takePatchRequest() {
        boolean requested = patchRequested;
        patchRequested = false;
        return requested;
    }

    /** The match as it is, to store (graceful shutdown). Seals the log, as every checkpoint does. */
    Snapshot snapshot() {
        RestartPoint point = new RestartPoint();
        checkpoint(point);
        return point.toSnapshot();
    }

    /** Fills {@code point} with the match as it is (in its own arrays where they fit) and seals the log there. */
    void checkpoint(RestartPoint point) {
        point.tick = tick;
        point.randomState = random.state();
        point.state(codec.write(state));
        point.logPosition = log.checkpoint();
        PlayerId[] holders = point.seats(seats.size());
        System.arraycopy(joined, 0, point.joined, 0, joined.length);
        System.arraycopy(connected, 0, point.connected, 0, connected.length);
        System.arraycopy(gone, 0, point.gone, 0, gone.length);
        System.arraycopy(graceEnds, 0, point.graceEnds, 0, graceEnds.length);
        for (int i = 0; i < seats.size(); i++) {
            holders[i] = seats.get(i).player();
        }
    }

    /** Back to a stored snapshot: state, tick, random source, seats and log as they were then. */
    void restore(Snapshot snapshot) {
        restore(RestartPoint.of(snapshot));
    }

    /** Back to a checkpoint: state, tick, random source, seats and log as they were then. */
    void restore(RestartPoint point) {
        this.state = codec.read(point.state, point.stateLength, game.stateType());
        this.tick = point.tick;
        this.random.reset(point.randomState);
        System.arraycopy(point.joined, 0, joined, 0, joined.length);
        System.arraycopy(point.connected, 0, connected, 0, connected.length);
        System.arraycopy(point.gone, 0, gone, 0, gone.length);
        System.arraycopy(point.graceEnds, 0, graceEnds, 0, graceEnds.length);
        PlayerId[] players = point.players;
        if (players != null) {
            for (int i = 0; i < players.length; i++) {
                Seat s = seats.get(i);
                seats.set(i, new Seat(i, players[i], s.bot() && players[i].equals(s.player()), s.team()));
            }
        }
        log.rollback(point.logPosition);
        outbox.clear();
        patchRequested = true;
        result = null;
    }

    // --- MatchContext -------------------------------------------------------------------------------------------

    @Override
    public MatchId matchId() {
        return id;
    }

    @Override
    public long tick() {
        return tick;
    }

    @Override
    public Duration elapsed() {
        return spec.tickInterval().multipliedBy(tick);
    }

    @Override
    public long ticks(Duration duration) {
        return Math.max(
                1,
                (duration.toNanos() + spec.tickInterval().toNanos() - 1)
                        / spec.tickInterval().toNanos());
    }

    @Override
    public DeterministicRandom random() {
        return random;
    }

    @Override
    public List<Seat> seats() {
        return java.util.Collections.unmodifiableList(seats);
    }

    @Override
    public void broadcast(String event, Object payload) {
        outbox.add(new Outgoing(Outgoing.Target.ALL, -1, event, payload));
    }

    @Override
    public void send(Seat seat, String event, Object payload) {
        outbox.add(new Outgoing(Outgoing.Target.SEAT, seat.index(), event, payload));
    }

    @Override
    public void toSpectators(String event, Object payload) {
        outbox.add(new Outgoing(Outgoing.Target.SPECTATORS, -1, event, payload));
    }

    @Override
    public void requestBackfill(Seat seat) {
        outbox.add(new Outgoing(Outgoing.Target.BACKFILL, seat.index(), "backfill", Boolean.TRUE));
    }

    @Override
    public void requestBot(Seat seat) {
        outbox.add(new Outgoing(Outgoing.Target.BOT, seat.index(), "bot", Boolean.TRUE));
    }

    @Override
    public void patchNow() {
        patchRequested = true;
    }

    @Override
    public void end(Map<String, ? extends @Nullable Object> data) {
        if (result == null) {
            result = MatchResult.finished(data);
            game.end(state, result, this);
        }
    }
}
