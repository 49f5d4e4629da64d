package org.gamebackend.engine.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.BackfillRequested;
import org.gamebackend.engine.BotPlayers;
import org.gamebackend.engine.Game;
import org.gamebackend.engine.InputResult;
import org.gamebackend.engine.MatchCrashed;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchRequest;
import org.gamebackend.engine.MatchResult;
import org.gamebackend.engine.MatchStarted;
import org.gamebackend.engine.MatchSummary;
import org.gamebackend.engine.Matches;
import org.gamebackend.engine.PlayerInMatchException;
import org.gamebackend.engine.Seat;
import org.gamebackend.platform.Shutdown;
import org.gamebackend.platform.cache.CacheSpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs matches: creates them on the tick scheduler, routes players' joins, drops and inputs to them, stores their
 * results and replays, and on a graceful shutdown suspends running matches to PostgreSQL so the next start resumes
 * them. Blocking work (SQL) never runs on a tick worker: it goes to a virtual-thread executor.
 */
public final class MatchEngine implements Matches, MatchRuntime.Listener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MatchEngine.class);

    private volatile boolean autoStartup = true;
    /** Cluster mode: other nodes run matches in the same database. */
    private volatile boolean clustered;

    private final Map<String, Game<?, ?>> games;
    private final EngineProperties props;
    private final MatchStore store;
    private final MatchOutlet outlet;
    private final EngineMetrics metrics;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<BotPlayers> bots;
    private final StateCodec codec = new StateCodec();
    private final SecureRandom seeds = new SecureRandom();
    private final Map<MatchId, MatchRuntime> running = new ConcurrentHashMap<>();
    private final Map<PlayerId, MatchId> byPlayer = new ConcurrentHashMap<>();
    private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    /** Durable snapshots waiting to be written, the latest per match ({@code game.engine.durable-every}). */
    private final Map<MatchId, Durable> durable = new ConcurrentHashMap<>();

    private volatile java.util.concurrent.@Nullable ScheduledExecutorService durableWriter;
    /** Writes this node's heartbeat, and in cluster mode takes over the matches of nodes that stopped or died. */
    private volatile java.util.concurrent.@Nullable ScheduledExecutorService nodeWatch;
    /** When this node last wrote its heartbeat ({@link System#nanoTime()}). */
    private volatile long lastBeat;

    private record Durable(Snapshot snapshot, byte[] log) {}

    private @Nullable TickScheduler scheduler;
    private final Cache summaries;

    /**
     * Summaries of ended matches (docs/cache.md): an ended match never changes, so entries are never invalidated;
     * running matches are not cached (their tick and seats move).
     */
    static final String SUMMARIES = "match-summaries";

    static CacheSpec summariesCache() {
        return new CacheSpec(SUMMARIES, MatchSummary.class, Duration.ofHours(1), 10_000);
    }

    MatchEngine(
            List<Game<?, ?>> games,
            EngineProperties props,
            MatchStore store,
            MatchOutlet outlet,
            EngineMetrics metrics,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock,
            org.springframework.beans.factory.ObjectProvider<BotPlayers> bots,
            CacheManager caches) {
        Map<String, Game<?, ?>> byName = new ConcurrentHashMap<>();
        for (Game<?, ?> g : games) {
            if (byName.putIfAbsent(g.spec().name(), g) != null) {
                throw new IllegalStateException(
                        "two games are named " + g.spec().name());
            }
        }
        this.games = Map.copyOf(byName);
        this.props = props;
        this.store = store;
        this.outlet = outlet;
        this.metrics = metrics;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.bots = bots;
        this.summaries = Objects.requireNonNull(caches.getCache(SUMMARIES), SUMMARIES);
    }

    // --- Matches -------------------------------------------------------------------------------------------------

    @Override
    public MatchId create(MatchRequest request) {
        return create(request, null);
    }

    /** Creates a match, optionally private (joinable by its invite code). */
    public MatchId create(MatchRequest request, @Nullable String inviteCode) {
        Game<?, ?> game = game(request.game());
        int n = request.seats().size();
        if (n < game.spec().minSeats() || n > game.spec().maxSeats()) {
            throw new IllegalArgumentException(request.game() + " needs "
                    + game.spec().minSeats() + " to " + game.spec().maxSeats() + " seats, got " + n);
        }
        List<Seat> seats = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MatchRequest.SeatRequest s = request.seats().get(i);
            seats.add(new Seat(i, s.player(), s.bot(), s.team()));
        }
        if (seats.stream().map(Seat::player).distinct().count() != n) {
            throw new IllegalArgumentException("a player can hold only one seat in a match");
        }
        MatchId id = MatchId.random();
        reserve(id, seats);
        Instant now = clock.instant();
        try {
            long seed = seeds.nextLong();
            Simulation<?, ?> sim = Simulation.start(id, game, seats, codec, props.dropGrace(), seed);
            store.insert(id, game.spec().name(), request.mode(), seats, seed, now, inviteCode);
            launch(new MatchRuntime(
                    id,
                    request.mode(),
                    seed,
                    now,
                    sim,
                    outlet,
                    metrics.of(game.spec().name()),
                    props,
                    codec,
                    this,
                    System.nanoTime(),
                    bots.getIfAvailable()));
        } catch (RuntimeException e) {
            seats.forEach(seat -> byPlayer.remove(seat.player(), id));
            throw e;
        }
        log.info("match {} of {} ({}) started with {} seats", id, game.spec().name(), request.mode(), n);
        events.publishEvent(new MatchStarted(id, game.spec().name(), request.mode(), seats, now));
        return id;
    }

    /** Claims every human seat's player for this match, all or none: nobody plays two matches at once. */
    private void reserve(MatchId id, List<Seat> seats) {
        List<PlayerId> taken = new ArrayList<>();
        for (Seat seat : seats) {
            if (seat.bot()) {
                continue;
            }
            MatchId other = byPlayer.putIfAbsent(seat.player(), id);
            if (other != null) {
                taken.forEach(p -> byPlayer.remove(p, id));
                throw new PlayerInMatchException(seat.player(), other);
            }
            taken.add(seat.player());
        }
    }

    @Override
    public Optional<MatchSummary> find(MatchId id) {
        // an ended match stays in `running` until its result is stored: answer from memory until then
        MatchRuntime live = running.get(id);
        if (live != null) {
            return Optional.of(summary(live));
        }
        MatchSummary ended = cachedEnded(id);
        if (ended != null) {
            return Optional.of(ended);
        }
        Optional<MatchSummary> stored = store.find(id);
        stored.ifPresent(this::cacheIfEnded);
        return stored;
    }

    /** An ended match's summary from the cache; null when not there (running, unknown, or not read since it ended). */
    private @Nullable MatchSummary cachedEnded(MatchId id) {
        return summaries.get(id.toString(), MatchSummary.class);
    }

    /** Only ended matches are cached: they never change, so their entries are never invalidated. */
    private void cacheIfEnded(MatchSummary m) {
        if (!m.status().equals("running")) {
            summaries.putIfAbsent(m.id().toString(), m);
        }
    }

    @Override
    public Map<MatchId, MatchSummary> findAll(Collection<MatchId> ids) {
        Map<MatchId, MatchSummary> found = new LinkedHashMap<>();
        List<MatchId> stored = new ArrayList<>();
        for (MatchId id : new LinkedHashSet<>(ids)) {
            MatchRuntime live = running.get(id);
            MatchSummary ended = live == null ? cachedEnded(id) : null;
            if (live != null) {
                found.put(id, summary(live));
            } else if (ended != null) {
                found.put(id, ended); // like find: an ended match never changes
            } else {
                stored.add(id);
            }
        }
        for (MatchSummary m : store.findAll(stored)) {
            found.put(m.id(), m);
            cacheIfEnded(m);
        }
        return found;
    }

    @Override
    public List<MatchSummary> running() {
        return running.values().stream()
                .filter(m -> !m.ended())
                .sorted(Comparator.comparing(m -> m.startedAt))
                .map(this::summary)
                .toList();
    }

    @Override
    public Optional<MatchId> activeMatchOf(PlayerId player) {
        return Optional.ofNullable(byPlayer.get(player));
    }

    @Override
    public Set<PlayerId> arrived(MatchId id) {
        MatchRuntime m = running.get(id);
        if (m == null || m.ended()) {
            return Set.of();
        }
        return m.seats.stream()
                .filter(s -> m.arrived.contains(s.index()))
                .map(Seat::player)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean fillSeat(MatchId id, int seat, PlayerId player) {
        MatchRuntime m = running.get(id);
        if (m == null || m.ended() || seat < 0 || seat >= m.seats.size() || byPlayer.containsKey(player)) {
            return false;
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        m.replace(new MatchRuntime.Command.Replace(seat, player, done));
        try {
            return done.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    @Override
    public boolean terminate(MatchId id, String reason) {
        MatchRuntime m = running.get(id);
        if (m == null || m.ended()) {
            return false;
        }
        m.terminate(reason);
        return true;
    }

    public Optional<MatchId> byInviteCode(String code) {
        return store.byInviteCode(code);
    }

    // --- what the socket asks ------------------------------------------------------------------------------------

    /** The seat a player holds in a running match here. */
    public OptionalInt seatOf(MatchId id, PlayerId player) {
        MatchRuntime m = running.get(id);
        if (m == null) {
            return OptionalInt.empty();
        }
        return m.seats.stream()
                .filter(s -> s.player().equals(player))
                .mapToInt(Seat::index)
                .findFirst();
    }

    /** Whether {@code player} holds {@code seat} of a match running here (as of its last tick). */
    public boolean holds(MatchId id, int seat, PlayerId player) {
        MatchRuntime m = running.get(id);
        if (m == null) {
            return false;
        }
        List<Seat> seats = m.seats;
        return seat >= 0 && seat < seats.size() && seats.get(seat).player().equals(player);
    }

    public Optional<LiveMatch> live(MatchId id) {
        MatchRuntime m = running.get(id);
        return m == null || m.ended()
                ? Optional.empty()
                : Optional.of(new LiveMatch(id, m.game(), m.mode, m.tick(), m.stateJson()));
    }

    /** What a joining client gets: the match, its tick and its state as of the last patch. */
    public record LiveMatch(MatchId id, String game, String mode, long tick, Object state) {}

    public void connected(MatchId id, int seat) {
        MatchRuntime m = running.get(id);
        if (m != null) {
            m.arrived.add(seat);
        }
        control(id, seat, LogEntry.Kind.JOIN);
    }

    public void dropped(MatchId id, int seat) {
        control(id, seat, LogEntry.Kind.DROP);
    }

    public void left(MatchId id, int seat) {
        control(id, seat, LogEntry.Kind.LEAVE);
    }

    /** Parses an input at the edge (strictly) and queues it; the reply completes when a tick has applied it. */
    public CompletableFuture<InputOutcome> input(MatchId id, int seat, byte[] inputJson) {
        MatchRuntime m = running.get(id);
        if (m == null || m.ended()) {
            return CompletableFuture.completedFuture(new InputOutcome(InputResult.reject("match_ended"), -1));
        }
        Object parsed;
        try {
            parsed = codec.input(inputJson, game(m.game()).inputType());
        } catch (JacksonException e) {
            return CompletableFuture.completedFuture(
                    new InputOutcome(InputResult.reject("bad_input"), m.tick(), e.getOriginalMessage()));
        }
        return m.submit(seat, inputJson, parsed);
    }

    private void control(MatchId id, int seat, LogEntry.Kind kind) {
        MatchRuntime m = running.get(id);
        if (m != null && !m.ended()) {
            m.enqueue(new MatchRuntime.Command.Control(seat, kind));
        }
    }

    // --- MatchRuntime.Listener (on tick workers: hand off) -------------------------------------------------------

    @Override
    public boolean wantsDurable() {
        return props.durableEvery().isPositive();
    }

    @Override
    public void durable(MatchRuntime match, Snapshot snapshot, byte[] log) {
        durable.put(match.id, new Durable(snapshot, log)); // a newer one replaces one not yet written
    }

    /**
     * Puts a snapshot and the log up to it in the match's row (running matches of this node only): for the next start
     * to resume, or in cluster mode another node if this one dies.
     */
    private void keep(MatchId id, Snapshot snapshot, byte[] log) {
        store.keep(id, snapshot.tick(), json.writeValueAsBytes(snapshot), log);
    }

    /** Writes the waiting durable snapshots (one thread, every second); a match that ended since is left alone. */
    private void writeDurable() {
        for (MatchId id : List.copyOf(durable.keySet())) {
            Durable d = durable.remove(id);
            if (d == null) {
                continue;
            }
            try {
                keep(id, d.snapshot(), d.log());
            } catch (RuntimeException e) {
                durable.putIfAbsent(id, d); // the database is away: the next pass tries again, unless newer came
                log.warn("could not write the durable snapshot of match {}: {}", id, e.toString());
                return;
            }
        }
    }

    @Override
    public void ended(MatchRuntime match, MatchResult result) {
        long ticks = match.tick();
        byte[] logBytes = match.logBytes();
        String hash = StateCodec.sha256(match.finalState());
        Instant endedAt = clock.instant();
        // the players are free the moment the match ends, not once its result is stored: a client that has seen
        // match_end may start its next match at once
        match.seats.forEach(seat -> byPlayer.remove(seat.player(), match.id));
        io.execute(() -> {
            try {
                if (store.finish(match, result, ticks, logBytes, hash, endedAt)) {
                    log.info("match {} ended: {} {}", match.id, result.status(), result.data());
                } else {
                    log.warn(
                            "match {} ended here ({}) but another node runs it now; its result there counts",
                            match.id,
                            result.status());
                }
            } catch (RuntimeException e) {
                log.error("could not store the result of match {}", match.id, e);
            } finally {
                running.remove(match.id);
            }
        });
    }

    @Override
    public void failed(MatchRuntime match, Throwable failure, boolean restarted) {
        metrics.of(match.game()).crashed(restarted);
        MatchCrashed event = new MatchCrashed(match.id, match.game(), match.tick(), failure.toString(), restarted);
        io.execute(() -> events.publishEvent(event));
    }

    @Override
    public void backfillRequested(MatchRuntime match, Seat seat) {
        BackfillRequested event = new BackfillRequested(match.id, match.game(), match.mode, seat.index(), seat.team());
        io.execute(() -> events.publishEvent(event));
    }

    @Override
    public void seatFilled(MatchRuntime match, Seat before, Seat seat) {
        byPlayer.remove(before.player(), match.id);
        if (!before.player().equals(seat.player())) {
            outlet.seatTaken(match.id, seat.index(), before.player());
        }
        if (!seat.bot()) {
            byPlayer.put(seat.player(), match.id);
        }
        io.execute(() -> {
            try {
                store.seatFilled(match.id, seat);
            } catch (RuntimeException e) {
                log.warn("could not record the new player of seat {} in match {}", seat.index(), match.id, e);
            }
        });
        log.info(
                "match {}: seat {} taken by {} {}",
                match.id,
                seat.index(),
                seat.bot() ? "bot" : "player",
                seat.player());
    }

    // --- lifecycle -----------------------------------------------------------------------------------------------

    @Override
    public void start() {
        scheduler = new TickScheduler(props.workerCount(), props.stallAfter().toNanos());
        if (wantsDurable()) {
            var writer = Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().name("durable-snapshots").daemon().unstarted(r));
            var unused = writer.scheduleWithFixedDelay(this::writeDurable, 1, 1, TimeUnit.SECONDS);
            durableWriter = writer;
        }
        store.beat();
        lastBeat = System.nanoTime();
        // first the matches lost in a crash (running, no snapshot), then resume the suspended ones. A single node
        // takes all of them (what ran before was its own previous run); in cluster mode only those no live node runs
        int orphans = store.abortLost(clustered ? "node_lost" : "server_stopped", !clustered);
        if (orphans > 0) {
            log.warn("{} matches were running on a node that stopped without a snapshot; ended as aborted", orphans);
        }
        if (props.resumeOnStart()) {
            resumeSuspended(!clustered);
            warnOfUnresumable();
        }
        var watch = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("engine-node").daemon().unstarted(r));
        long every = props.nodeHeartbeat().toMillis();
        var unused = watch.scheduleWithFixedDelay(this::watchNodes, every, every, TimeUnit.MILLISECONDS);
        nodeWatch = watch;
    }

    /**
     * One heartbeat: writes this node's row; gives up the matches another node took while this one was silent past
     * half the node timeout (a long pause, the database away); in cluster mode resumes the matches of nodes that
     * stopped (suspended, no node) or died (durable snapshot) and ends the dead nodes' others as aborted.
     */
    private void watchNodes() {
        try {
            long before = lastBeat;
            boolean wasThere = store.beat();
            lastBeat = System.nanoTime();
            if (!wasThere || lastBeat - before > props.nodeTimeout().toNanos() / 2) {
                giveUpTakenMatches();
            }
            if (clustered && store.anythingToTakeOver()) {
                if (props.resumeOnStart()) {
                    resumeSuspended(false);
                }
                int lost = store.abortLost("node_lost", false);
                if (lost > 0) {
                    log.warn(
                            "{} matches of nodes silent for {} had no durable snapshot; ended as aborted",
                            lost,
                            props.nodeTimeout());
                }
                store.forgetDeadNodes();
            }
        } catch (RuntimeException e) {
            log.warn("engine node heartbeat failed: {}", e.toString());
        }
    }

    /** Ends here, without writing anything, the running matches whose rows now name another node. */
    private void giveUpTakenMatches() {
        Set<MatchId> mine = store.stillMine(running.keySet());
        for (MatchRuntime m : running.values()) {
            if (!m.ended() && !mine.contains(m.id)) {
                log.warn("match {} was taken over by another node while this one was silent; ending it here", m.id);
                m.terminate("node_lost");
            }
        }
    }

    @Override
    public void stop() {
        TickScheduler s = scheduler;
        if (s == null) {
            return;
        }
        scheduler = null;
        try {
            // no takeover while this node suspends its matches
            var watch = nodeWatch;
            if (watch != null) {
                watch.shutdown();
                var unused = watch.awaitTermination(10, TimeUnit.SECONDS);
                nodeWatch = null;
            }
            // no durable snapshot may land after the final one below
            var writer = durableWriter;
            if (writer != null) {
                writer.shutdown();
                var unused = writer.awaitTermination(10, TimeUnit.SECONDS);
                durableWriter = null;
            }
            List<MatchRuntime> held = s.shutdown();
            durable.clear();
            int saved = 0;
            for (MatchRuntime m : held) {
                if (!m.ended()) {
                    Snapshot snapshot = m.suspend();
                    store.suspend(m.id, snapshot.tick(), json.writeValueAsBytes(snapshot), m.logBytes());
                    saved++;
                }
            }
            store.leave();
            if (saved > 0) {
                log.info("suspended {} running matches; they resume at the next start", saved);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Shutdown.await(io, Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Stop before the web server and the database pool go away. */
    /** False for a one-shot command ({@code migrate}, {@code seed}): it must not touch live matches or tickets. */
    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    void autoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    /**
     * In cluster mode a match running without a snapshot may be running on another node, so a starting node ends none
     * of them as lost; and two nodes starting together each resume a different suspended match.
     */
    void clustered(boolean clustered) {
        this.clustered = clustered;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    /** Resumes the suspended matches it can claim; {@code evenOfLiveNodes} as in {@link MatchStore#claimSuspended}. */
    private void resumeSuspended(boolean evenOfLiveNodes) {
        // each one claimed (its snapshot taken out of the row) before it runs: no two nodes resume the same match
        for (MatchStore.Suspended s : store.claimSuspended(games.keySet(), evenOfLiveNodes)) {
            try {
                resume(s);
            } catch (RuntimeException e) {
                // its snapshot is out of the row: nobody else can resume it either
                log.error("could not resume match {} of {}; ended as aborted", s.id(), s.game(), e);
                store.abort(s.id(), "resume_failed");
            }
        }
    }

    /** At start: suspended matches this node cannot resume (game not installed here). */
    private void warnOfUnresumable() {
        for (String game : store.suspendedGames()) {
            if (!games.containsKey(game)) {
                log.warn("cannot resume the suspended matches of {}: the game is not installed here", game);
            }
        }
    }

    private void resume(MatchStore.Suspended s) {
        Game<?, ?> game = games.get(s.game());
        if (game == null) {
            throw new IllegalStateException("claimed a match of a game not installed: " + s.game());
        }
        Snapshot snapshot = json.readValue(s.snapshot(), Snapshot.class);
        Simulation<?, ?> sim =
                Simulation.resume(s.id(), game, s.seats(), codec, props.dropGrace(), s.seed(), snapshot, s.log());
        // every seat was dropped by the shutdown: its grace period starts now
        for (Seat seat : s.seats()) {
            if (sim.isConnected(seat.index())) {
                sim.apply(LogEntry.of(sim.currentTick(), seat.index(), LogEntry.Kind.DROP));
            }
        }
        sim.discardOutbox();
        MatchRuntime runtime = new MatchRuntime(
                s.id(),
                s.mode(),
                s.seed(),
                s.startedAt(),
                sim,
                outlet,
                metrics.of(s.game()),
                props,
                codec,
                this,
                System.nanoTime(),
                bots.getIfAvailable());
        // its players arrived before the restart: no no-show check applies to a resumed match
        s.seats().forEach(seat -> runtime.arrived.add(seat.index()));
        launch(runtime);
        log.info("resumed match {} of {} at tick {}", s.id(), s.game(), sim.currentTick());
    }

    private void launch(MatchRuntime runtime) {
        TickScheduler s = scheduler;
        if (s == null) {
            throw new IllegalStateException("the engine is not running");
        }
        running.put(runtime.id, runtime);
        runtime.seats.stream().filter(seat -> !seat.bot()).forEach(seat -> byPlayer.put(seat.player(), runtime.id));
        s.assign(runtime);
    }

    Game<?, ?> game(String name) {
        Game<?, ?> game = games.get(name);
        if (game == null) {
            throw new IllegalArgumentException("unknown game '" + name + "'; installed: " + games.keySet());
        }
        return game;
    }

    StateCodec codec() {
        return codec;
    }

    int runningCount() {
        return running.size();
    }

    /** A match as this node holds it; an ended one is reported with its result until the store has it. */
    private MatchSummary summary(MatchRuntime m) {
        MatchResult result = m.result;
        return result == null
                ? new MatchSummary(m.id, m.game(), m.mode, "running", m.seats, m.tick(), null, m.startedAt, null)
                : new MatchSummary(
                        m.id, m.game(), m.mode, result.status(), m.seats, m.tick(), result.data(), m.startedAt, null);
    }
}
