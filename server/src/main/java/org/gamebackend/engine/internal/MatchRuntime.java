package org.gamebackend.engine.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.BotPlayer;
import org.gamebackend.engine.BotPlayers;
import org.gamebackend.engine.InputResult;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchResult;
import org.gamebackend.engine.RawJson;
import org.gamebackend.engine.Seat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.util.RawValue;

/**
 * A live match: its {@link Simulation}, the queues other threads talk to it through, its schedule and its
 * supervision. Only the tick worker that currently owns it calls {@link #runTick}; everything else only enqueues.
 *
 * <p>Queues: control events (join, drop, leave) are few per player and never dropped. Inputs go into a bounded queue
 * ({@code game.engine.input-queue}); when it is full the new input is refused at once with {@code input_queue_full},
 * so a flooding client loses its own newest inputs and nobody else's.
 *
 * <p>Failure: a hook that throws, or {@code overrunLimit} consecutive ticks over budget, rolls the match back to its
 * last snapshot (taken every {@code snapshotEvery} ticks) and goes on; after {@code maxRestarts} restarts it ends as
 * {@code aborted}. Messages of a failed tick are never sent.
 */
final class MatchRuntime {

    private static final Logger log = LoggerFactory.getLogger(MatchRuntime.class);

    /** Things other threads ask of the match. */
    sealed interface Command {
        record Control(int seat, LogEntry.Kind kind) implements Command {}

        record Input(int seat, byte[] json, Object parsed, CompletableFuture<InputOutcome> reply) implements Command {}

        record Terminate(String reason) implements Command {}

        /** A new player for a seat that was left for good (backfill); completes true once seated. */
        record Replace(int seat, PlayerId player, CompletableFuture<Boolean> done) implements Command {}

        /** A bot takes a seat that was left for good (the game asked for it). */
        record TakeOver(int seat) implements Command {}
    }

    /** Called by the runtime when the match has ended (on the tick worker; must hand off blocking work). */
    interface Listener {
        void ended(MatchRuntime match, MatchResult result);

        void failed(MatchRuntime match, Throwable failure, boolean restarted);

        /** The game asked for a new player in a seat (ignored by default: nobody to ask). */
        default void backfillRequested(MatchRuntime match, Seat seat) {}

        /** A seat changed hands (backfill). */
        default void seatFilled(MatchRuntime match, Seat before, Seat after) {}

        /**
         * Whether {@link #durable} should be called, every {@code durable-every} (positive when true): it costs a copy
         * of the state and the whole log.
         */
        default boolean wantsDurable() {
            return false;
        }

        /** A snapshot and the log up to it, to keep across a crash (on the tick worker: hand off). */
        default void durable(MatchRuntime match, Snapshot snapshot, byte[] log) {}
    }

    final MatchId id;
    final String mode;
    final long seed;
    final Instant startedAt;
    /** The seats as of the last tick (a copy: the simulation's own list belongs to the worker). */
    volatile List<Seat> seats;
    /** How the match ended, once it has (set before {@code match_end} goes out). */
    volatile @Nullable MatchResult result;
    /** Seats whose player has joined the match topic at least once. */
    final Set<Integer> arrived = ConcurrentHashMap.newKeySet();

    private final Simulation<?, ?> sim;
    private final MatchOutlet outlet;
    private final EngineMetrics.GameMeters meters;
    private final EngineProperties props;
    private final Listener listener;
    private final StateCodec codec;
    private final Queue<Command> control = new ConcurrentLinkedQueue<>();
    /**
     * Queued inputs (guarded by {@code inputsLock}, at most {@code game.engine.input-queue}), and the replies of the
     * inputs applied this tick. Both are fresh lists swapped in whole, never long-lived arrays that young objects are
     * written into: this object then holds the tick's only references to young objects (with {@code lastState}), so
     * a young collection has one card per match to scan instead of three (docs/benchmarks.md, "In-process again").
     */
    private final Object inputsLock = new Object();

    private final int inputCapacity;
    private ArrayList<Command.Input> inputs = new ArrayList<>(4);
    private List<Answer> answered = List.of();
    private final long intervalNanos;
    private final int ticksPerPatch;
    /** Spreads snapshots of matches started together over different ticks, so they never all compress at once. */
    private final int snapshotPhase;

    private final @Nullable BotPlayers botPlayers;
    /** The bot playing each seat (null for players and idle bots), and the seat holder it was attached for. */
    private final @Nullable BotPlayer[] bots;

    private final @Nullable PlayerId[] botHolders;
    private int botCount;

    /** Where a failure rolls back to: refilled in place every {@code snapshot-every} ticks. */
    private final RestartPoint restartPoint = new RestartPoint();
    /** Ticks between durable snapshots (0 = none), and the tick from which the next one is due. */
    private final long durableTicks;

    private long durableDue;

    private long nextTickAt;
    private int restarts;
    private int overruns;
    private volatile boolean ended;
    private volatile long tick;
    /** The state as of the last patch, encoded once and shared by the patch and every join reply after it. */
    private volatile RawValue lastState;

    MatchRuntime(
            MatchId id,
            String mode,
            long seed,
            Instant startedAt,
            Simulation<?, ?> sim,
            MatchOutlet outlet,
            EngineMetrics.GameMeters meters,
            EngineProperties props,
            StateCodec codec,
            Listener listener,
            long firstTickAt,
            @Nullable BotPlayers botPlayers) {
        this.id = id;
        this.mode = mode;
        this.seed = seed;
        this.startedAt = startedAt;
        this.seats = List.copyOf(sim.seats());
        this.sim = sim;
        this.outlet = outlet;
        this.meters = meters;
        this.props = props;
        this.codec = codec;
        this.listener = listener;
        this.inputCapacity = props.inputQueue();
        this.intervalNanos = sim.game().spec().tickInterval().toNanos();
        this.durableTicks =
                listener.wantsDurable() ? Math.max(1, props.durableEvery().toNanos() / intervalNanos) : 0;
        this.ticksPerPatch = sim.game().spec().ticksPerPatch();
        this.snapshotPhase = Math.floorMod(id.hashCode(), props.snapshotEvery());
        sim.checkpoint(restartPoint);
        this.nextTickAt = firstTickAt;
        this.tick = sim.currentTick();
        this.lastState = RawJson.value(codec.write(sim.view()));
        this.botPlayers = botPlayers;
        this.bots = new BotPlayer[seats.size()];
        this.botHolders = new PlayerId[seats.size()];
        syncBots();
    }

    // --- called from any thread ------------------------------------------------------------------------------

    void enqueue(Command.Control command) {
        control.add(command);
    }

    void terminate(String reason) {
        control.add(new Command.Terminate(reason));
    }

    void replace(Command.Replace command) {
        control.add(command);
    }

    /** Queues an input; a full queue refuses it at once. */
    CompletableFuture<InputOutcome> submit(int seat, byte[] json, Object parsed) {
        CompletableFuture<InputOutcome> reply = new CompletableFuture<>();
        if (ended) {
            reply.complete(new InputOutcome(InputResult.reject("match_ended"), tick));
        } else if (!offer(new Command.Input(seat, json, parsed, reply))) {
            meters.inputDropped();
            reply.complete(new InputOutcome(InputResult.reject("input_queue_full"), tick));
        }
        return reply;
    }

    private boolean offer(Command.Input input) {
        synchronized (inputsLock) {
            if (inputs.size() >= inputCapacity) {
                return false;
            }
            inputs.add(input);
            return true;
        }
    }

    /** Everything queued so far, oldest first; the queue starts a new list. */
    private List<Command.Input> takeInputs() {
        synchronized (inputsLock) {
            if (inputs.isEmpty()) {
                return List.of();
            }
            List<Command.Input> taken = inputs;
            inputs = new ArrayList<>(4);
            return taken;
        }
    }

    /** Puts inputs taken but not applied back at the head of the queue, before any that arrived since. */
    private void putBack(List<Command.Input> rest) {
        synchronized (inputsLock) {
            ArrayList<Command.Input> queue = new ArrayList<>(rest.size() + inputs.size());
            queue.addAll(rest);
            queue.addAll(inputs);
            inputs = queue;
        }
    }

    String game() {
        return sim.game().spec().name();
    }

    long tick() {
        return tick;
    }

    boolean ended() {
        return ended;
    }

    /** The state as of the last patch, JSON, for join replies (never the live object: another thread owns it). */
    RawValue stateJson() {
        return lastState;
    }

    long nextTickAt() {
        return nextTickAt;
    }

    // --- called by the owning tick worker only --------------------------------------------------------------

    /** One tick; returns false once the match has ended and should be dropped by its worker. */
    boolean runTick(long now) {
        long lateness = now - nextTickAt;
        long started = System.nanoTime();
        try {
            boolean changed = drainControl();
            drainInputs();
            runBots();
            if (sim.result() == null) {
                sim.step();
            }
            tick = sim.currentTick();
            flush();
            if (changed || sim.takePatchRequest() || (ticksPerPatch > 0 && tick % ticksPerPatch == 0)) {
                patch();
            }
            answer(); // an input's reply goes out after the patch that shows its effect
            MatchResult result = sim.result();
            if (result != null) {
                finish(result);
                return false;
            }
            if ((tick + snapshotPhase) % props.snapshotEvery() == 0) {
                sim.checkpoint(restartPoint);
                if (durableTicks > 0 && tick >= durableDue) {
                    durableDue = tick + durableTicks;
                    listener.durable(this, restartPoint.toSnapshot(), sim.log().toBytes());
                }
            }
            long took = System.nanoTime() - started;
            overruns = took > intervalNanos ? overruns + 1 : 0;
            if (overruns >= props.overrunLimit()) {
                overruns = 0;
                throw new TickOverrunException(props.overrunLimit(), intervalNanos);
            }
        } catch (RuntimeException | StackOverflowError e) {
            if (!recover(e)) {
                return false;
            }
        } finally {
            meters.tick(System.nanoTime() - started, lateness);
        }
        scheduleNext(now);
        return true;
    }

    /** Seats, state and log for a graceful shutdown; only once the worker has stopped. */
    Snapshot suspend() {
        return sim.snapshot();
    }

    byte[] logBytes() {
        return sim.log().toBytes();
    }

    /** The final state, for the replay hash (after the match ended, on its worker). */
    byte[] finalState() {
        return sim.stateBytes();
    }

    private boolean drainControl() {
        boolean changed = false;
        for (Command c; (c = control.poll()) != null; ) {
            switch (c) {
                case Command.Control cc -> {
                    InputResult r = sim.apply(LogEntry.of(sim.currentTick(), cc.seat(), cc.kind()));
                    changed |= r instanceof InputResult.Accepted;
                }
                case Command.Terminate t -> sim.abort(t.reason());
                case Command.Replace r -> {
                    byte[] json = ("\"" + r.player() + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    InputResult verdict = sim.apply(
                            new LogEntry(sim.currentTick(), r.seat(), LogEntry.Kind.REPLACE, json, r.player()));
                    boolean seated = verdict instanceof InputResult.Accepted;
                    if (seated) {
                        seatChanged(r.seat());
                        changed = true;
                    }
                    r.done().complete(seated);
                }
                case Command.TakeOver t -> {
                    PlayerId bot = new PlayerId(java.util.UUID.randomUUID());
                    byte[] json = ("\"" + bot + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    InputResult verdict =
                            sim.apply(new LogEntry(sim.currentTick(), t.seat(), LogEntry.Kind.BOT, json, bot));
                    if (verdict instanceof InputResult.Accepted) {
                        seatChanged(t.seat());
                        changed = true;
                    }
                }
                case Command.Input i -> throw new IllegalStateException("inputs use their own queue");
            }
        }
        return changed;
    }

    private void seatChanged(int seat) {
        Seat before = seats.get(seat);
        seats = List.copyOf(sim.seats());
        syncBots();
        listener.seatFilled(this, before, seats.get(seat));
    }

    /** Gives every bot seat its bot and takes bots from seats no longer theirs (start, takeover, backfill, restore). */
    private void syncBots() {
        BotPlayers players = botPlayers;
        for (int i = 0; i < bots.length; i++) {
            Seat seat = seats.get(i);
            if (bots[i] != null
                    && (players == null || !seat.bot() || !seat.player().equals(botHolders[i]))) {
                detach(i);
            }
            if (players != null && seat.bot() && bots[i] == null && !sim.isGone(i)) {
                BotPlayer bot = null;
                try {
                    bot = players.attach(game(), mode, seat, seed ^ (0x9E3779B97F4A7C15L * (i + 1)));
                } catch (RuntimeException e) {
                    log.warn("match {}: no bot for seat {}: {}", id, i, e.toString());
                }
                bots[i] = bot;
                botHolders[i] = seat.player();
                botCount += bot == null ? 0 : 1;
            }
        }
    }

    private void detach(int seat) {
        BotPlayer bot = bots[seat];
        if (bot == null) {
            return;
        }
        bots[seat] = null;
        botHolders[seat] = null;
        botCount--;
        try {
            bot.detach();
        } catch (RuntimeException e) {
            log.warn("match {}: bot of seat {} failed to detach: {}", id, seat, e.toString());
        }
    }

    /**
     * Each bot's input for this tick, applied like a player's. A bot that throws or answers with something that is not
     * an input skips the tick: a bot's fault never rolls the match back. A game hook that throws on a bot's input does.
     */
    private void runBots() {
        if (botCount == 0) {
            return;
        }
        Object state = sim.state();
        long at = sim.currentTick();
        Class<?> inputType = sim.game().inputType();
        for (int i = 0; i < bots.length && sim.result() == null; i++) {
            BotPlayer bot = bots[i];
            if (bot == null || sim.isGone(i)) {
                continue;
            }
            Object input;
            try {
                input = bot.act(state, at);
            } catch (RuntimeException e) {
                meters.botFailed();
                if (meters.shouldLogBotFailure()) {
                    log.warn("match {}: the bot of seat {} failed: {}", id, i, e.toString());
                }
                continue;
            }
            if (input == null) {
                continue;
            }
            if (!inputType.isInstance(input)) {
                meters.botFailed();
                continue;
            }
            InputResult verdict = sim.apply(new LogEntry(at, i, LogEntry.Kind.INPUT, codec.write(input), input));
            if (verdict instanceof InputResult.Rejected) {
                meters.botRejected();
            }
        }
    }

    /** Applies queued inputs; their replies wait in {@code answered} until the tick's messages and patch are out. */
    private void drainInputs() {
        List<Command.Input> taken = takeInputs();
        if (taken.isEmpty()) {
            return;
        }
        List<Answer> answers = new ArrayList<>(taken.size());
        answered = answers;
        for (int i = 0; i < taken.size(); i++) {
            Command.Input in = taken.get(i);
            long at = sim.currentTick();
            InputResult verdict;
            try {
                verdict = sim.apply(new LogEntry(at, in.seat(), LogEntry.Kind.INPUT, in.json(), in.parsed()));
            } catch (RuntimeException e) {
                in.reply().complete(new InputOutcome(InputResult.reject("match_restarted"), at));
                putBack(taken.subList(i + 1, taken.size())); // applied after the restart, as if never taken
                throw e;
            }
            answers.add(new Answer(in.reply(), new InputOutcome(verdict, at)));
        }
    }

    private void answer() {
        for (Answer a : answered) {
            a.reply().complete(a.outcome());
        }
        answered = List.of();
    }

    private record Answer(CompletableFuture<InputOutcome> reply, InputOutcome outcome) {}

    private void flush() {
        for (Outgoing out : sim.drainOutbox()) {
            switch (out.target()) {
                case ALL -> outlet.broadcast(id, out.event(), out.payload());
                case SEAT -> outlet.toPlayer(id, seats.get(out.seat()).player(), out.event(), out.payload());
                case SPECTATORS -> outlet.toSpectators(id, out.event(), out.payload());
                case BACKFILL -> listener.backfillRequested(this, seats.get(out.seat()));
                case BOT -> {
                    if (botPlayers != null && botPlayers.plays(game())) {
                        control.add(new Command.TakeOver(out.seat()));
                    }
                }
            }
        }
    }

    private void patch() {
        RawValue state = RawJson.value(codec.write(sim.view()));
        lastState = state;
        outlet.broadcast(id, "state", new StatePush(tick, state));
    }

    private void finish(MatchResult result) {
        this.result = result;
        ended = true;
        for (int i = 0; i < bots.length; i++) {
            detach(i);
        }
        failPending("match_ended");
        // the engine frees the players first: whoever sees match_end may start another match straight away
        listener.ended(this, result);
        outlet.broadcast(id, "match_end", Map.of("status", result.status(), "result", result.data()));
    }

    /** Rolls back to the last snapshot; false when the match has used up its restarts and was ended. */
    private boolean recover(Throwable failure) {
        sim.discardOutbox();
        for (Answer a : answered) {
            a.reply()
                    .complete(new InputOutcome(
                            InputResult.reject("match_restarted"), a.outcome().tick()));
        }
        answered = List.of();
        restarts++;
        boolean restart = restarts <= props.maxRestarts();
        log.warn(
                "match {} ({}) failed at tick {} ({}); {}",
                id,
                game(),
                sim.currentTick(),
                failure.toString(),
                restart ? "restarting from tick " + restartPoint.tick : "giving up after " + props.maxRestarts());
        listener.failed(this, failure, restart);
        sim.restore(restartPoint);
        seats = List.copyOf(sim.seats());
        syncBots();
        tick = sim.currentTick();
        if (restart) {
            return true;
        }
        try {
            sim.abort("crashed");
        } catch (RuntimeException e) {
            log.warn("match {}: end hook failed too: {}", id, e.toString());
        }
        sim.discardOutbox();
        MatchResult result = sim.result();
        finish(result == null ? MatchResult.aborted("crashed") : result);
        return false;
    }

    private void failPending(String reason) {
        for (Command.Input in : takeInputs()) {
            in.reply().complete(new InputOutcome(InputResult.reject(reason), tick));
        }
    }

    /** Fixed rate without drift; a match more than a second behind (a stalled worker) starts a fresh schedule. */
    private void scheduleNext(long now) {
        nextTickAt += intervalNanos;
        if (now - nextTickAt > 1_000_000_000L) {
            nextTickAt = now + intervalNanos;
        }
    }

    static final class TickOverrunException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TickOverrunException(int ticks, long budgetNanos) {
            super(ticks + " consecutive ticks over the budget of " + budgetNanos / 1_000_000.0 + " ms");
        }
    }
}
