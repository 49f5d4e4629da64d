package org.gamebackend.engine.internal;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.Game;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchResult;
import org.gamebackend.engine.Seat;
import org.gamebackend.games.arena.Arena;
import org.gamebackend.games.arena.ArenaInput;

/**
 * In-process engine load: N concurrent 4-player arena matches at 20 Hz on the tick workers (one per core), every
 * player sending an input every tick (pre-parsed: parsing belongs to the socket path), every patch encoded once as it
 * would be for the socket. Reports tick lateness and tick duration percentiles over the measured window, CPU, and heap
 * per match.
 *
 * <p>With {@code bots} as the fourth argument every seat is a bot instead (the arena's rule-based bot at the top level,
 * through the bots module's roster and meters), and nobody sends inputs from outside.
 *
 * <p>Usage: {@code ArenaTickLoad [matches] [seconds] [warmupSeconds] [players|bots]}
 */
public final class ArenaTickLoad {

    private ArenaTickLoad() {}

    public static void main(String[] args) throws Exception {
        int matches = Integer.parseInt(args.length > 0 ? args[0] : "10000");
        int seconds = Integer.parseInt(args.length > 1 ? args[1] : "30");
        int warmup = Integer.parseInt(args.length > 2 ? args[2] : "15");
        boolean bots = args.length > 3 && args[3].equals("bots");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        EngineMetrics metrics = new EngineMetrics(registry);
        StateCodec codec = new StateCodec();
        AtomicLong patchBytes = new AtomicLong();
        MatchOutlet outlet = new MatchOutlet() {
            @Override
            public void broadcast(MatchId match, String event, Object payload) {
                // what PubSub does once per broadcast: encode the payload (the state inside is already JSON)
                patchBytes.addAndGet(codec.write(payload).length);
            }

            @Override
            public void toPlayer(MatchId match, PlayerId player, String event, Object payload) {}

            @Override
            public void toSpectators(MatchId match, String event, Object payload) {}
        };
        MatchRuntime.Listener listener = new MatchRuntime.Listener() {
            @Override
            public void ended(MatchRuntime match, MatchResult result) {}

            @Override
            public void failed(MatchRuntime match, Throwable failure, boolean restarted) {
                System.err.println("match failed: " + failure);
            }
        };
        int workers = Runtime.getRuntime().availableProcessors();
        EngineProperties props = new EngineProperties(
                workers,
                256,
                100,
                3,
                1_000_000,
                Duration.ofMillis(250),
                Duration.ofSeconds(30),
                false,
                Duration.ZERO,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30));
        Game<?, ?> game = new Arena(Duration.ofHours(1));
        org.gamebackend.engine.BotPlayers roster = bots
                ? org.gamebackend.bots.internal.BotRoster.rulesOnly(
                        List.of(new org.gamebackend.games.arena.ArenaBot()),
                        org.gamebackend.bots.Difficulty.HARD,
                        registry)
                : null;
        long heapBefore = usedHeapAfterGc();
        TickScheduler scheduler = new TickScheduler(workers, props.stallAfter().toNanos());
        List<MatchRuntime> running = new ArrayList<>();
        long firstTick = System.nanoTime();
        for (int m = 0; m < matches; m++) {
            List<Seat> seats = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                seats.add(new Seat(s, new PlayerId(UUID.randomUUID()), bots, s));
            }
            MatchId id = MatchId.random();
            Simulation<?, ?> sim = Simulation.start(id, game, seats, codec, props.dropGrace(), m);
            // spread the matches' ticks over one tick interval, as matches created over time would be
            MatchRuntime runtime = new MatchRuntime(
                    id,
                    "arena",
                    m,
                    Instant.now(),
                    sim,
                    outlet,
                    metrics.of("arena"),
                    props,
                    codec,
                    listener,
                    firstTick + (m * 50_000_000L / matches),
                    roster);
            for (int s = 0; s < 4 && !bots; s++) { // bots are seated and joined from the start
                runtime.enqueue(new MatchRuntime.Command.Control(s, LogEntry.Kind.JOIN));
            }
            running.add(runtime);
            scheduler.assign(runtime);
        }
        System.out.printf(
                "%d matches (%d %s) on %d tick workers; warm-up %d s, measuring %d s%n",
                matches, matches * 4, bots ? "bots" : "players", workers, warmup, seconds);
        Thread inputs = bots || System.getenv("NO_INPUTS") != null
                ? Thread.ofPlatform().unstarted(() -> {})
                : Thread.ofPlatform().name("synthetic-inputs").daemon().start(() -> feed(running));
        Thread.sleep(warmup * 1000L);
        Timer lateness = registry.get("game.tick.lateness").timer();
        Timer duration = registry.get("game.tick.duration").timer();
        if (System.getenv("SHOW_TIMELINE") != null) {
            Thread.ofPlatform().name("timeline").daemon().start(() -> timeline(lateness, duration));
        }
        CountAtBucket[] lateBefore = lateness.takeSnapshot().histogramCounts();
        CountAtBucket[] durBefore = duration.takeSnapshot().histogramCounts();
        long ticksBefore = lateness.count();
        long cpuBefore = processCpuNanos();
        long bytesBefore = patchBytes.get();
        long wallBefore = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        double cpu = (processCpuNanos() - cpuBefore) / 1e9;
        long ticks = lateness.count() - ticksBefore;
        CountAtBucket[] late = diff(lateness.takeSnapshot().histogramCounts(), lateBefore);
        CountAtBucket[] dur = diff(duration.takeSnapshot().histogramCounts(), durBefore);
        long heapAfter = usedHeapAfterGc();
        System.out.printf(
                Locale.ROOT,
                "ticks: %.0f/s (expected %d/s); tick lateness ms p50 %.3f p99 %.3f p99.9 %.3f; tick duration us p50 %.1f"
                        + " p99 %.1f; CPU %.2f cores (%.1f us per tick); patches %.1f MB/s; heap %.1f KB per match%n",
                ticks / wall,
                matches * 20,
                ms(late, 0.5),
                ms(late, 0.99),
                ms(late, 0.999),
                ms(dur, 0.5) * 1000,
                ms(dur, 0.99) * 1000,
                cpu / wall,
                cpu * 1e6 / Math.max(1, ticks),
                (patchBytes.get() - bytesBefore) / wall / 1e6,
                (heapAfter - heapBefore) / 1024.0 / matches);
        if (bots) {
            double decisions = registry.find("bots.decisions").counters().stream()
                    .mapToDouble(io.micrometer.core.instrument.Counter::count)
                    .sum();
            Timer decide = registry.get("bots.decision.latency").timer();
            System.out.printf(
                    Locale.ROOT,
                    "bots (whole run): %.0f inputs; decision compute p50 %.1f us p99 %.1f us; game rejected %.0f, bot"
                            + " failures %.0f%n",
                    decisions,
                    ms(decide.takeSnapshot().histogramCounts(), 0.5) * 1000,
                    ms(decide.takeSnapshot().histogramCounts(), 0.99) * 1000,
                    registry.find("game.bot.inputs.rejected").counters().stream()
                            .mapToDouble(io.micrometer.core.instrument.Counter::count)
                            .sum(),
                    registry.find("game.bot.failures").counters().stream()
                            .mapToDouble(io.micrometer.core.instrument.Counter::count)
                            .sum());
        }
        if (System.getenv("SHOW_BUCKETS") != null) {
            for (CountAtBucket b : late) {
                System.out.printf(Locale.ROOT, "  lateness <= %.3f ms: %.0f%n", b.bucket() / 1e6, b.count());
            }
        }
        inputs.interrupt();
        scheduler.shutdown();
        System.exit(0);
    }

    /** Every player sends one input per tick (20 Hz), pre-parsed. */
    private static void feed(List<MatchRuntime> matches) {
        long seq = 0;
        byte[] json = "{\"seq\":1,\"move\":[1,0],\"fire\":true,\"aim\":0.5}".getBytes(StandardCharsets.UTF_8);
        long next = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            seq++;
            for (int m = 0; m < matches.size(); m++) {
                MatchRuntime match = matches.get(m);
                for (int s = 0; s < 4; s++) {
                    double angle = (seq + m + s) * 0.1;
                    ArenaInput input =
                            new ArenaInput(seq, new double[] {Math.cos(angle), Math.sin(angle)}, seq % 4 == 0, angle);
                    var unused = match.submit(s, json, input);
                }
            }
            next += 50_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
        }
    }

    /**
     * Every 100 ms: the JVM's uptime (to line up with a GC log), how many of the ticks started in that time were more
     * than ~4 ms late, and how many ticks took over 0.5 ms (by bucket) — for telling what makes the tail: a young
     * pause shows as one long tick in a burst, a stall from outside the process as a burst without one.
     */
    private static void timeline(Timer lateness, Timer duration) {
        CountAtBucket[] before = lateness.takeSnapshot().histogramCounts();
        CountAtBucket[] durBefore = duration.takeSnapshot().histogramCounts();
        while (true) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            CountAtBucket[] now = lateness.takeSnapshot().histogramCounts();
            CountAtBucket[] d = diff(now, before);
            before = now;
            CountAtBucket[] durNow = duration.takeSnapshot().histogramCounts();
            CountAtBucket[] dd = diff(durNow, durBefore);
            durBefore = durNow;
            StringBuilder slow = new StringBuilder();
            double prev = 0;
            for (CountAtBucket b : dd) {
                if (b.bucket() > 500_000 && b.count() > prev) {
                    slow.append(String.format(Locale.ROOT, " %.0f<=%.1fms", b.count() - prev, b.bucket() / 1e6));
                }
                prev = b.count();
            }
            double total = d[d.length - 1].count();
            double onTime = 0;
            for (CountAtBucket b : d) {
                if (b.bucket() <= 4_200_000) {
                    onTime = b.count();
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "timeline %.1f s: %.0f of %.0f ticks > 4.2 ms late; long ticks:%s%n",
                    ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0,
                    total - onTime,
                    total,
                    slow);
        }
    }

    private static CountAtBucket[] diff(CountAtBucket[] after, CountAtBucket[] before) {
        CountAtBucket[] out = new CountAtBucket[after.length];
        for (int i = 0; i < after.length; i++) {
            out[i] = new CountAtBucket(after[i].bucket(), after[i].count() - before[i].count());
        }
        return out;
    }

    /** The upper bound (ms) of the bucket holding percentile p of cumulative bucket counts. */
    private static double ms(CountAtBucket[] cumulative, double p) {
        double total = cumulative[cumulative.length - 1].count();
        for (CountAtBucket b : cumulative) {
            if (b.count() >= p * total) {
                return b.bucket() / 1e6;
            }
        }
        return Double.NaN;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
