package org.gamebackend.matchmaking.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * The loop a matchmaker runs around the pairing, for one mode, on one thread, with the clock as a parameter (simulated
 * or real): one {@link Pool} per region; every pool paired each interval, and a pool that got tickets and
 * {@linkplain Pool#canFill() can fill} a match paired soon: at once if its last pass is at least the minimum gap ago
 * (the server's {@link Matchmaker#MIN_PASS_GAP_MS}, 100 ms), else as soon as it is — at most one such pass per gap, as
 * the server's {@code Matchmaker} does; after the mode's fallback delay a still-searching ticket is also added to every
 * other region's pool it has a latency within the mode's ceiling to; tickets expire after the mode's TTL. Every
 * proposal counts as placed: its tickets are done.
 */
final class BenchMatchmaker {

    /** What happened to tickets. */
    interface Outcomes {
        void matched(Proposal proposal, long now);

        void expired(Ticket ticket, long now);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Mode mode;
    private final long intervalMillis;
    private final long minPassGapMillis;
    private final Outcomes outcomes;
    private final Map<String, Pool> pools = new LinkedHashMap<>();
    /** Pools that got tickets since the last {@link #advance}. */
    private final Set<Pool> grown = new HashSet<>();
    /** When each pool was last paired. */
    private final Map<Pool, Long> lastPass = new HashMap<>();
    /** Pools that can fill and wait for their immediate pass, and when it is due. */
    private final Map<Pool, Long> pending = new HashMap<>();
    // every ticket, oldest first (tickets arrive in age order), until offered abroad / until it expires
    private final ArrayDeque<Ticket> toOffer = new ArrayDeque<>();
    private final ArrayDeque<Ticket> toExpire = new ArrayDeque<>();
    private long nextInterval;
    private int waiting;

    /** Thread CPU time of each pass, in ns. */
    final Histogram passCpuNanos = new Histogram(3);

    long passes;
    long immediatePasses;

    /**
     * @param minPassGapMillis at least this long between a pool's last pass and an immediate pass for new arrivals (0:
     *     a pass after every add to a pool that can fill)
     */
    BenchMatchmaker(
            Mode mode,
            List<String> regions,
            long intervalMillis,
            long minPassGapMillis,
            long start,
            Outcomes outcomes) {
        this.mode = mode;
        this.intervalMillis = intervalMillis;
        this.minPassGapMillis = minPassGapMillis;
        this.outcomes = outcomes;
        this.nextInterval = start + intervalMillis;
        for (String region : regions) {
            pools.put(region, new Pool(mode, region));
        }
    }

    /** Queues a ticket in its home region's pool; it is paired by the next {@link #advance}. */
    void add(Ticket ticket) {
        Pool home = pools.get(ticket.region);
        if (home == null) {
            throw new IllegalArgumentException("no pool for region " + ticket.region);
        }
        home.add(ticket);
        grown.add(home);
        toOffer.add(ticket);
        toExpire.add(ticket);
        waiting++;
    }

    /** Does what is due at {@code now}: expiry, fallback offers, the interval's passes and immediate passes. */
    void advance(long now) {
        expire(now);
        offerAbroad(now);
        boolean interval = now >= nextInterval;
        while (nextInterval <= now) {
            nextInterval += intervalMillis;
        }
        for (Pool pool : pools.values()) {
            if (grown.contains(pool) && pool.canFill() && !pending.containsKey(pool)) {
                pending.put(pool, lastPass.getOrDefault(pool, Long.MIN_VALUE / 2) + minPassGapMillis);
            }
            Long due = pending.get(pool);
            if (interval && pool.tickets() > 0) {
                pass(pool, now);
                if (due != null && due <= now) {
                    pending.remove(pool); // due at the same moment: this pass serves it
                }
            } else if (due != null && due <= now) {
                pending.remove(pool);
                immediatePasses++;
                pass(pool, now);
            }
        }
        grown.clear();
    }

    /** When the next pass is due: the next interval, or an earlier immediate pass held back by the minimum gap. */
    long nextDue() {
        long due = nextInterval;
        for (long d : pending.values()) {
            due = Math.min(due, d);
        }
        return due;
    }

    /** Tickets still searching. */
    int waiting() {
        return waiting;
    }

    /** Tickets held by each region's pool (a ticket offered abroad counts in each pool; done ones until the next pass). */
    Map<String, Integer> poolSizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        pools.forEach((region, pool) -> sizes.put(region, pool.tickets()));
        return sizes;
    }

    private void pass(Pool pool, long now) {
        lastPass.put(pool, now);
        long cpu = THREADS.getCurrentThreadCpuTime();
        List<Proposal> made = pool.pass(now);
        passCpuNanos.recordValue(Math.max(0, THREADS.getCurrentThreadCpuTime() - cpu));
        passes++;
        for (Proposal p : made) {
            for (Ticket t : p.tickets()) {
                t.state = Ticket.State.DONE;
                waiting--;
            }
            outcomes.matched(p, now);
        }
    }

    private void expire(long now) {
        Ticket t;
        while ((t = toExpire.peekFirst()) != null && t.queuedAt + mode.ticketTtlMillis() <= now) {
            toExpire.removeFirst();
            if (t.state == Ticket.State.SEARCHING) {
                t.state = Ticket.State.DONE;
                waiting--;
                outcomes.expired(t, now);
            }
        }
    }

    /** A zero fallback delay disables fallback, as in the server's settings. */
    private void offerAbroad(long now) {
        if (mode.fallbackAfterMillis() == 0) {
            toOffer.clear();
            return;
        }
        Ticket t;
        while ((t = toOffer.peekFirst()) != null && t.queuedAt + mode.fallbackAfterMillis() <= now) {
            toOffer.removeFirst();
            if (t.state == Ticket.State.SEARCHING && !t.offeredAbroad) {
                t.offeredAbroad = true;
                for (Map.Entry<String, Pool> e : pools.entrySet()) {
                    Integer latency = t.latencies.get(e.getKey());
                    if (!e.getKey().equals(t.region) && latency != null && latency <= mode.maxLatency()) {
                        e.getValue().add(t);
                        grown.add(e.getValue());
                    }
                }
            }
        }
    }
}
