package org.gamebackend.matchmaking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.PlayerInMatchException;
import org.gamebackend.matchmaking.MatchMade;
import org.gamebackend.matchmaking.Placement;
import org.gamebackend.matchmaking.Placement.MatchPlan;
import org.gamebackend.matchmaking.Placement.SeatPlan;
import org.gamebackend.matchmaking.TicketId;
import org.gamebackend.platform.Shutdown;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * The pairing loop. One thread owns every pool and every searching ticket in memory (like a match's tick worker owns
 * its match); requests reach it as tasks. It pairs each pool every interval, and soon after a ticket arrives in a pool
 * that could fill a match. Anything that blocks — the database, the engine — runs on virtual threads and reports back
 * as a task. PostgreSQL stays the source of truth: a group is only a match once all its tickets were claimed there.
 */
final class Matchmaker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Matchmaker.class);

    private volatile boolean autoStartup = true;
    /** Cluster mode: other nodes queue tickets in the same database. */
    private volatile boolean clustered;

    /** A claim this old that never became a match was left by a node that died placing it: it searches again. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(1);

    /** How far back each cluster read reaches before the last one (late commits, clocks a little apart). */
    static final Duration SYNC_MARGIN = Duration.ofSeconds(3);

    /** At most this often per pool is a pass run for new arrivals (between the interval passes). */
    static final long MIN_PASS_GAP_MS = 100;

    private final Map<String, Mode> modes;
    private final MatchmakingProperties props;
    private final TicketStore store;
    private final Placement placement;
    private final UserPushes pushes;
    private final MatchmakingMetrics metrics;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Cooldowns cooldowns;
    private final Map<String, Pool> pools = new HashMap<>();
    // owned by the loop thread
    private final Map<TicketId, Ticket> searching = new HashMap<>();
    private final Set<Pool> passPending = new HashSet<>();
    private final Map<Pool, Long> lastPass = new HashMap<>();
    private long lastSync;
    private boolean syncing;
    /** Cluster mode: the tickets written before this were read (at start, or by the last sync). */
    private Instant syncedUpTo = Instant.EPOCH;

    private volatile ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    private volatile @Nullable ScheduledExecutorService loop;

    Matchmaker(
            Map<String, Mode> modes,
            MatchmakingProperties props,
            TicketStore store,
            Placement placement,
            UserPushes pushes,
            MatchmakingMetrics metrics,
            ApplicationEventPublisher events,
            Clock clock,
            Cooldowns cooldowns) {
        this.modes = Map.copyOf(modes);
        this.props = props;
        this.store = store;
        this.placement = placement;
        this.pushes = pushes;
        this.metrics = metrics;
        this.events = events;
        this.clock = clock;
        this.cooldowns = cooldowns;
        for (Mode mode : modes.values()) {
            for (String region : mode.regions()) {
                pools.put(key(mode.name(), region), new Pool(mode, region));
            }
        }
    }

    // --- requests (any thread) ----------------------------------------------------------------------------------

    /** A ticket stored as searching joins its pool. */
    void offer(Ticket ticket) {
        run(() -> admit(ticket));
    }

    /** A ticket that stopped searching in the database (cancelled) leaves the pools. */
    void withdraw(TicketId id) {
        run(() -> {
            Ticket t = searching.remove(id);
            if (t != null) {
                if (t.state == Ticket.State.SEARCHING) {
                    metrics.waiting(t, -1);
                }
                t.state = Ticket.State.DONE;
            }
        });
    }

    /**
     * Ends a searching ticket ({@code cancelled} with a reason, or {@code expired}): in the database, then in the pools,
     * then its players are told. False, and nothing done, when it was no longer searching. Blocking (SQL).
     */
    boolean end(
            TicketId id,
            String mode,
            List<Ticket.Member> members,
            String status,
            @Nullable String reason,
            Instant now) {
        if (!store.end(id, status, reason, now)) {
            return false;
        }
        withdraw(id);
        metrics.ended(mode, status);
        pushes.ticket(members, id, status, null, reason);
        return true;
    }

    // --- the loop -----------------------------------------------------------------------------------------------

    private void admit(Ticket t) {
        if (searching.containsKey(t.id)) {
            return; // already here (a cluster sync read it from the database before its own offer arrived)
        }
        Pool pool = pools.get(key(t.mode, t.region));
        Mode mode = modes.get(t.mode);
        if (pool == null || mode == null) {
            return; // a mode or region removed from the configuration; the ticket expires in the database
        }
        if (t.backfill == null && t.size() > mode.maxPartySize()) {
            // queued before the mode's configuration shrank: it can never be matched
            t.state = Ticket.State.DONE;
            io.execute(() -> end(t.id, t.mode, t.members, "cancelled", "party_too_big", clock.instant()));
            return;
        }
        searching.put(t.id, t);
        pool.add(t);
        metrics.waiting(t, +1);
        if (pool.canFill()) {
            requestPass(pool);
        }
    }

    private void requestPass(Pool pool) {
        ScheduledExecutorService l = loop;
        if (l == null || !passPending.add(pool)) {
            return;
        }
        long wait = Math.max(0, lastPass.getOrDefault(pool, 0L) + MIN_PASS_GAP_MS - clock.millis());
        var _ = l.schedule(
                () -> {
                    passPending.remove(pool);
                    pass(pool, clock.millis());
                },
                wait,
                TimeUnit.MILLISECONDS);
    }

    private void interval() {
        long now = clock.millis();
        if (clustered) {
            syncCluster(now);
        }
        expire(now);
        offerAbroad(now);
        for (Pool pool : pools.values()) {
            pass(pool, now);
        }
    }

    private void pass(Pool pool, long now) {
        lastPass.put(pool, now);
        List<Proposal> made;
        long started = System.nanoTime();
        try {
            made = pool.pass(now);
        } catch (RuntimeException e) {
            log.error("pairing pass of {}/{} failed", pool.mode.name(), pool.region, e);
            return;
        } finally {
            metrics.pass().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
        for (Proposal p : made) {
            p.tickets().forEach(t -> metrics.waiting(t, -1));
            io.execute(() -> place(p));
        }
    }

    private void expire(long now) {
        List<Ticket> expired = new ArrayList<>();
        for (Ticket t : searching.values()) {
            if (t.state == Ticket.State.SEARCHING && t.expiresAt <= now) {
                expired.add(t);
            }
        }
        for (Ticket t : expired) {
            searching.remove(t.id);
            t.state = Ticket.State.DONE;
            metrics.waiting(t, -1);
            io.execute(() -> end(t.id, t.mode, t.members, "expired", null, Instant.ofEpochMilli(now)));
        }
    }

    /**
     * Cluster mode: reads the tickets written since the last read (less {@link #SYNC_MARGIN}, for commits that landed
     * late and for clocks a little apart): searching ones this node does not hold (queued on other nodes, or put back
     * there) join its pools; those it holds that stopped searching elsewhere (cancelled there, claimed by another
     * node) leave them. Every node so pairs the whole cluster's tickets; claims in PostgreSQL keep a ticket in one
     * match only. The read advances only when it succeeds.
     */
    private void syncCluster(long now) {
        if (syncing || now - lastSync < props.clusterSync().toMillis()) {
            return;
        }
        syncing = true;
        lastSync = now;
        Instant since = syncedUpTo.minus(SYNC_MARGIN);
        io.execute(() -> {
            try {
                Instant at = clock.instant();
                store.releaseStaleClaims(at, at.minus(STALE_CLAIM));
                List<TicketStore.Row> changed = store.changedSince(since);
                run(() -> {
                    syncing = false;
                    syncedUpTo = at;
                    synced(changed);
                });
            } catch (RuntimeException e) {
                log.warn("could not read the cluster's tickets: {}", e.toString());
                run(() -> syncing = false);
            }
        });
    }

    private void synced(List<TicketStore.Row> changed) {
        for (TicketStore.Row row : changed) {
            Ticket held = searching.get(row.id());
            if (row.status().equals("searching")) {
                if (held == null) {
                    admit(row.toTicket());
                }
            } else if (held != null && held.state == Ticket.State.SEARCHING) {
                searching.remove(row.id());
                metrics.waiting(held, -1);
                held.state = Ticket.State.DONE;
            }
        }
    }

    /** Tickets that waited long enough are also offered to the other regions they have a good latency to. */
    private void offerAbroad(long now) {
        for (Ticket t : searching.values()) {
            Mode mode = modes.get(t.mode);
            if (t.offeredAbroad || t.state != Ticket.State.SEARCHING || mode == null) {
                continue;
            }
            List<String> abroad = mode.fallbackRegions(t, now);
            if (abroad.isEmpty() && now - t.queuedAt < mode.fallbackAfterMillis()) {
                continue; // not yet
            }
            t.offeredAbroad = true;
            for (String region : abroad) {
                Pool pool = pools.get(key(t.mode, region));
                if (pool != null) {
                    pool.add(t);
                }
            }
        }
    }

    /** A group's tickets go back to searching (its placement failed), except those that left meanwhile. */
    private void back(List<Ticket> tickets, Set<TicketId> gone) {
        for (Ticket t : tickets) {
            t.state = Ticket.State.DONE;
            if (searching.get(t.id) != t) {
                continue; // withdrawn while being placed
            }
            searching.remove(t.id);
            if (!gone.contains(t.id)) {
                admit(t.again());
            }
        }
    }

    private void done(List<Ticket> tickets) {
        for (Ticket t : tickets) {
            t.state = Ticket.State.DONE;
            searching.remove(t.id, t);
        }
    }

    // --- placement (virtual threads) ----------------------------------------------------------------------------

    private void place(Proposal p) {
        Instant now = clock.instant();
        List<TicketId> ids = p.tickets().stream().map(t -> t.id).toList();
        try {
            if (!store.claim(ids, now)) {
                Set<TicketId> gone = new HashSet<>();
                for (TicketId id : ids) {
                    store.find(id).filter(r -> !r.status().equals("searching")).ifPresent(r -> gone.add(id));
                }
                run(() -> back(p.tickets(), gone));
                return;
            }
        } catch (RuntimeException e) {
            log.warn("could not claim tickets {}; they search again", ids, e);
            run(() -> back(p.tickets(), Set.of()));
            return;
        }
        Ticket.Backfill backfill = p.backfill();
        if (backfill != null) {
            fillSeat(p, backfill, now);
            return;
        }
        MatchPlan plan = plan(p);
        MatchId match;
        try {
            match = placement.place(plan);
        } catch (PlayerInMatchException e) {
            // someone got into a match another way (a private match) while searching: their ticket ends, the rest
            // search again
            store.unclaim(ids, now);
            Set<TicketId> gone = new HashSet<>();
            for (Ticket t : p.tickets()) {
                if (t.members.stream().anyMatch(m -> m.player().equals(e.player()))
                        && end(t.id, t.mode, t.members, "cancelled", "in_match", now)) {
                    gone.add(t.id);
                }
            }
            run(() -> back(p.tickets(), gone));
            return;
        } catch (RuntimeException e) {
            log.error(
                    "could not place a {} match; its tickets search again",
                    p.mode().name(),
                    e);
            store.unclaim(ids, now);
            run(() -> back(p.tickets(), Set.of()));
            return;
        }
        store.matched(ids, match, now);
        run(() -> done(p.tickets()));
        announce(p, plan, match);
        ScheduledExecutorService l = loop;
        if (l != null) {
            var _ = l.schedule(
                    () -> io.execute(() -> checkArrivals(p, plan, match)),
                    props.acceptTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** A backfill: the one player of the proposal takes the open seat of the running match. */
    private void fillSeat(Proposal p, Ticket.Backfill backfill, Instant now) {
        Ticket request = p.tickets().getFirst();
        Ticket player = p.tickets().get(1);
        PlayerId newcomer = player.members.getFirst().player();
        boolean seated;
        try {
            seated = placement.fill(backfill.match(), backfill.seat(), newcomer);
        } catch (RuntimeException e) {
            log.warn("could not backfill seat {} of match {}", backfill.seat(), backfill.match(), e);
            seated = false;
        }
        if (!seated) {
            // the match ended or the seat was taken meanwhile: the request is over, the player searches on
            store.cancelClaimed(request.id, "match_gone", now);
            store.unclaim(List.of(player.id), now);
            metrics.backfill(p.mode().name(), "match_gone");
            run(() -> back(p.tickets(), Set.of(request.id)));
            return;
        }
        List<TicketId> ids = List.of(request.id, player.id);
        store.matched(ids, backfill.match(), now);
        run(() -> done(p.tickets()));
        String game = p.mode().game();
        pushes.ticket(player.members, player.id, "matched", backfill.match(), null);
        pushes.matchFound(newcomer, backfill.match(), game, p.mode().name(), backfill.seat());
        metrics.ended(player.mode, "matched");
        metrics.matched(p, clock.millis());
        metrics.backfill(p.mode().name(), "filled");
        log.info(
                "backfilled seat {} of {} match {} with {}",
                backfill.seat(),
                p.mode().name(),
                backfill.match(),
                newcomer);
        events.publishEvent(new MatchMade(
                backfill.match(),
                p.mode().name(),
                p.region(),
                ids,
                p.spread(),
                p.imbalance(),
                0,
                List.of(Math.max(0, now.toEpochMilli() - player.queuedAt))));
    }

    private MatchPlan plan(Proposal p) {
        List<SeatPlan> seats = p.seats().stream()
                .map(s -> s.player() == null
                        ? new SeatPlan(new PlayerId(UUID.randomUUID()), true, s.team(), s.rating())
                        : new SeatPlan(s.player(), false, s.team(), s.rating()))
                .toList();
        return new MatchPlan(p.mode().name(), p.mode().game(), p.region(), seats);
    }

    private void announce(Proposal p, MatchPlan plan, MatchId match) {
        for (Ticket t : p.tickets()) {
            pushes.ticket(t.members, t.id, "matched", match, null);
            metrics.ended(t.mode, "matched");
        }
        for (int seat = 0; seat < plan.seats().size(); seat++) {
            SeatPlan s = plan.seats().get(seat);
            if (!s.bot()) {
                pushes.matchFound(s.player(), match, plan.game(), plan.mode(), seat);
            }
        }
        metrics.matched(p, clock.millis());
        log.info(
                "matched {} tickets into {} match {} in {} (spread {}, imbalance {}, {} bots)",
                p.tickets().size(),
                plan.mode(),
                match,
                plan.region(),
                Math.round(p.spread()),
                Math.round(p.imbalance()),
                p.bots());
        events.publishEvent(new MatchMade(
                match,
                plan.mode(),
                plan.region(),
                p.tickets().stream().map(t -> t.id).toList(),
                p.spread(),
                p.imbalance(),
                p.bots(),
                p.tickets().stream()
                        .map(t -> Math.max(0, clock.millis() - t.queuedAt))
                        .toList()));
    }

    /**
     * After the accept timeout: if a matched player never joined, the match is called off, the no-shows' tickets are
     * cancelled (and they cool down), and everyone else searches again with their waiting time kept.
     */
    private void checkArrivals(Proposal p, MatchPlan plan, MatchId match) {
        try {
            Set<PlayerId> arrived = placement.arrived(match).orElse(null);
            if (arrived == null) {
                return; // already over
            }
            Set<PlayerId> missing = new HashSet<>();
            plan.seats().stream()
                    .filter(s -> !s.bot() && !arrived.contains(s.player()))
                    .forEach(s -> missing.add(s.player()));
            if (missing.isEmpty()) {
                return;
            }
            placement.cancel(match, "no_show");
            metrics.noShows(plan.mode(), missing.size());
            log.info("match {} called off: {} players did not join", match, missing.size());
            Instant now = clock.instant();
            for (Ticket t : p.tickets()) {
                if (t.members.stream().anyMatch(m -> missing.contains(m.player()))) {
                    store.cancelClaimed(t.id, "no_show", now);
                    t.members.stream()
                            .filter(m -> missing.contains(m.player()))
                            .forEach(m -> cooldowns.start(m.player(), now.plus(props.noShowCooldown())));
                    pushes.ticket(t.members, t.id, "cancelled", null, "no_show");
                    continue;
                }
                store.find(t.id).ifPresent(row -> {
                    if (store.requeue(row, now)) {
                        pushes.ticket(t.members, t.id, "searching", null, "requeued");
                        Ticket again = row.toTicket();
                        run(() -> admit(again));
                    }
                });
            }
        } catch (RuntimeException e) {
            log.error("no-show check of match {} failed", match, e);
        }
    }

    // --- lifecycle ----------------------------------------------------------------------------------------------

    @Override
    public void start() {
        if (io.isShutdown()) {
            io = Executors.newVirtualThreadPerTaskExecutor();
        }
        ScheduledExecutorService l = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "matchmaker");
            t.setDaemon(true);
            return t;
        });
        loop = l;
        int recovered = 0;
        Instant at = clock.instant();
        syncedUpTo = at;
        // in cluster mode a fresh claim may be another node's placement in progress: only stale ones search again
        for (TicketStore.Row row : store.loadSearching(at, clustered ? at.minus(STALE_CLAIM) : at)) {
            Ticket t = row.toTicket();
            l.execute(() -> admit(t));
            recovered++;
        }
        if (recovered > 0) {
            log.info("{} searching tickets back in their pools", recovered);
        }
        long every = props.interval().toMillis();
        var _ = l.scheduleAtFixedRate(this::safely, every, every, TimeUnit.MILLISECONDS);
    }

    private void safely() {
        try {
            interval();
        } catch (RuntimeException e) {
            log.error("matchmaking interval failed", e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService l = loop;
        loop = null;
        if (l != null) {
            l.shutdownNow(); // pending passes and checks are dropped: the next start rebuilds from the database
            Shutdown.await(l, Duration.ofSeconds(5));
        }
        // the loop is gone: what it held is rebuilt from the database at the next start
        searching.values().forEach(t -> {
            if (t.state == Ticket.State.SEARCHING) {
                metrics.waiting(t, -1);
            }
            t.state = Ticket.State.DONE;
        });
        searching.clear();
        passPending.clear();
        syncing = false;
        lastSync = 0;
        Shutdown.await(io, Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    /** Starts after the engine, stops before it. */
    /** False for a one-shot command ({@code migrate}, {@code seed}): it must not touch live matches or tickets. */
    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    void autoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }

    void clustered(boolean clustered) {
        this.clustered = clustered;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }

    /** Runs a task on the loop; while stopped, tasks are dropped: the database has it all for the next start. */
    private void run(Runnable task) {
        ScheduledExecutorService l = loop;
        if (l != null) {
            try {
                l.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                log.debug("matchmaking stopped; task dropped");
            }
        }
    }

    private static String key(String mode, String region) {
        return mode + '/' + region;
    }
}
