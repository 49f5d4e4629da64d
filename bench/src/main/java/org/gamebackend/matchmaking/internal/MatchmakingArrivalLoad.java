package org.gamebackend.matchmaking.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Sustained arrival, in real time and in process (no database, no REST, no sockets): RATE tickets a second from
 * {@link Population} are added to the pools of one mode on one thread, which pairs them the way the matchmaker does
 * ({@link BenchMatchmaker}: every pool each interval, and a pool that just got tickets and can fill a match at most
 * once per 100 ms, as the server does). Reports time to match (wall clock from add to proposal) and the CPU time of
 * each pass.
 *
 * <p>Tickets added in the measured window count; arrivals continue after it (the tail) until every counted ticket
 * is matched or expired, so that the last ones still see a full pool.
 *
 * <p>Usage: {@code MatchmakingArrivalLoad [--rate N] [--seconds S] [--warmup S] [--tail S] [mode options]}
 */
public final class MatchmakingArrivalLoad {

    private MatchmakingArrivalLoad() {}

    public static void main(String[] args) {
        MatchmakingOptions o;
        try {
            o = MatchmakingOptions.parse(
                    args,
                    Map.of(
                            "rate", "2000",
                            "seconds", "60",
                            "warmup", "10",
                            "tail", "60",
                            "party-share", "0.15",
                            "seed", "42"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: MatchmakingArrivalLoad [--rate N] [--seconds S] [--warmup S] [--tail S]"
                    + " [--party-share F] [--seed N]\n" + MatchmakingOptions.MODE_USAGE);
            System.exit(2);
            return;
        }
        Mode mode = o.mode(Population.REGIONS);
        int rate = o.integer("rate");
        long warmup = o.millis("warmup");
        long measured = o.millis("seconds");
        long tail = o.millis("tail");
        System.out.printf(
                Locale.ROOT,
                "%d tickets/s for %d s (+%d s warm-up, up to %d s tail) into the pools of %s; mode: %s%n",
                rate,
                measured / 1000,
                warmup / 1000,
                tail / 1000,
                Population.REGIONS,
                o.describe(mode));
        new MatchmakingArrivalLoad.Run(mode, o, rate, warmup, measured, tail).go();
        System.exit(0);
    }

    /** One run: the feeding thread is the matchmaker thread. */
    private static final class Run implements BenchMatchmaker.Outcomes {
        private final Mode mode;
        private final long warmupNanos;
        private final long windowEndNanos;
        private final long tailEndNanos;
        private final double nanosPerTicket;
        private final List<StreamTicket> stream;
        private final MatchOutcomes outcomes = new MatchOutcomes(Population.REGIONS);
        private final BenchMatchmaker matchmaker;
        /** When each counted ticket was added (System.nanoTime), until it leaves. */
        private final IdentityHashMap<Ticket, Long> counted = new IdentityHashMap<>();

        private final Histogram timeToMatchMicros = new Histogram(3);
        private final Histogram lagMicros = new Histogram(3);
        private long countedExpired;
        private long countedTickets;
        private long addedTotal;

        Run(Mode mode, MatchmakingOptions o, int rate, long warmup, long measured, long tail) {
            this.mode = mode;
            this.warmupNanos = warmup * 1_000_000;
            this.windowEndNanos = (warmup + measured) * 1_000_000;
            this.tailEndNanos = (warmup + measured + tail) * 1_000_000;
            this.nanosPerTicket = 1e9 / rate;
            // generated up front, so that making them is not on the matchmaker's clock
            Random random = new Random(Long.parseLong(o.text("seed")));
            // parties of two only where the mode takes them
            Population population = new Population(mode.maxPartySize() >= 2 ? o.number("party-share") : 0);
            int total = (int) Math.ceil((warmup + measured + tail) / 1000.0 * rate);
            this.stream = new ArrayList<>(total);
            for (int i = 0; i < total; i++) {
                stream.add(population.next(random, 0));
            }
            this.matchmaker = new BenchMatchmaker(
                    mode,
                    Population.REGIONS,
                    o.intervalMillis(),
                    o.minPassGapMillis(),
                    System.currentTimeMillis(),
                    this);
        }

        void go() {
            long start = System.nanoTime();
            Counters atWindowStart = null;
            boolean reported = false;
            int next = 0;
            while (true) {
                long elapsed = System.nanoTime() - start;
                for (; next < stream.size() && next * nanosPerTicket <= elapsed; next++) {
                    add(next, elapsed);
                }
                addedTotal = next;
                matchmaker.advance(System.currentTimeMillis());
                if (atWindowStart == null && elapsed >= warmupNanos) {
                    matchmaker.passCpuNanos.reset();
                    atWindowStart = counters();
                }
                if (!reported && atWindowStart != null && elapsed >= windowEndNanos) {
                    reported = true;
                    reportPasses(atWindowStart);
                }
                if (elapsed >= tailEndNanos || (reported && counted.isEmpty())) {
                    break;
                }
                long wake = System.nanoTime() + (matchmaker.nextDue() - System.currentTimeMillis()) * 1_000_000;
                if (next < stream.size()) {
                    wake = Math.min(wake, start + (long) (next * nanosPerTicket));
                }
                LockSupport.parkNanos(wake - System.nanoTime());
            }
            summary();
        }

        /** Thread CPU and pass counts, to subtract the warm-up. */
        private record Counters(long cpuNanos, long passes, long immediate) {}

        private Counters counters() {
            return new Counters(threadCpu(), matchmaker.passes, matchmaker.immediatePasses);
        }

        private void add(int seq, long elapsed) {
            Ticket t = stream.get(seq).toTicket(seq, mode.name(), System.currentTimeMillis());
            long due = (long) (seq * nanosPerTicket);
            if (due >= warmupNanos && due < windowEndNanos) {
                counted.put(t, System.nanoTime());
                countedTickets++;
                lagMicros.recordValue(Math.max(0, (elapsed - due) / 1000));
            }
            matchmaker.add(t);
        }

        @Override
        public void matched(Proposal proposal, long now) {
            long at = System.nanoTime();
            for (Ticket t : proposal.tickets()) {
                Long added = counted.remove(t);
                if (added != null) {
                    timeToMatchMicros.recordValue((at - added) / 1000);
                }
            }
            outcomes.matched(proposal, now);
        }

        @Override
        public void expired(Ticket ticket, long now) {
            if (counted.remove(ticket) != null) {
                countedExpired++;
            }
            outcomes.expired(ticket, now);
        }

        private void reportPasses(Counters atStart) {
            Counters now = counters();
            Histogram cpu = matchmaker.passCpuNanos;
            double seconds = (windowEndNanos - warmupNanos) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "measured window: %d passes (%.0f/s, %d immediate); CPU per pass us: mean %.1f p50 %.1f p99 %.1f"
                            + " max %.1f; matchmaker thread %.1f %% of a core; pools now %s%n",
                    now.passes() - atStart.passes(),
                    (now.passes() - atStart.passes()) / seconds,
                    now.immediate() - atStart.immediate(),
                    cpu.getMean() / 1e3,
                    cpu.getValueAtPercentile(50) / 1e3,
                    cpu.getValueAtPercentile(99) / 1e3,
                    cpu.getMaxValue() / 1e3,
                    100.0 * (now.cpuNanos() - atStart.cpuNanos()) / (seconds * 1e9),
                    matchmaker.poolSizes());
        }

        private void summary() {
            Histogram h = timeToMatchMicros;
            System.out.printf(
                    Locale.ROOT,
                    "counted tickets: %d added in the window, lag behind schedule ms p99 %.1f max %.1f%n",
                    countedTickets,
                    lagMicros.getValueAtPercentile(99) / 1e3,
                    lagMicros.getMaxValue() / 1e3);
            System.out.printf(
                    Locale.ROOT,
                    "time to match ms (%d matched, %d expired, %d still waiting): p50 %.2f p90 %.2f p99 %.1f"
                            + " max %.1f%n",
                    h.getTotalCount(),
                    countedExpired,
                    counted.size(),
                    h.getValueAtPercentile(50) / 1e3,
                    h.getValueAtPercentile(90) / 1e3,
                    h.getValueAtPercentile(99) / 1e3,
                    h.getMaxValue() / 1e3);
            System.out.println("all tickets, warm-up and tail included:");
            outcomes.print(System.out, addedTotal, matchmaker.waiting());
        }

        private static long threadCpu() {
            return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }
    }
}
