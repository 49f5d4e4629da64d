package org.gamebackend.ranking.internal.board;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;
import org.gamebackend.accounts.PlayerId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Leaderboard latency at a million players, per adapter: fills one board by {@link Leaderboard#replace} (timed; heap
 * per entry for the local one, {@code MEMORY USAGE} for Redis), then times, one call after another on one thread,
 * rank of a random player, the top 100, "around me" (rank, then the 21 entries centred on it) and a move of a random
 * player; then "around me" again, for at least 10 s, while a second thread moves players at {@code moves/s} a
 * second. Service time per call (no coordinated-omission correction: nothing is paced except the mover). Redis's own
 * time per command comes from INFO commandstats, which counts every client of that server.
 *
 * <p>Usage: {@code LeaderboardLoad [local|redis|both] [players=1000000] [samples=100000] [moves/s=2000]}
 */
public final class LeaderboardLoad {

    private static final long SEED = 42;

    private LeaderboardLoad() {}

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "both";
        int players = Integer.parseInt(args.length > 1 ? args[1] : "1000000");
        int samples = Integer.parseInt(args.length > 2 ? args[2] : "100000");
        int moves = Integer.parseInt(args.length > 3 ? args[3] : "2000");
        List<Map.Entry<PlayerId, Double>> population = population(players);
        System.out.printf(
                Locale.ROOT,
                "%,d players, ratings ~ N(1500, 300) to 2 decimals (%,d distinct), %,d samples per operation%n",
                players,
                population.stream().map(Map.Entry::getValue).distinct().count(),
                samples);
        if (!which.equals("redis")) {
            new Run("local", new LocalLeaderboard(), population, samples, moves, null).all();
        }
        if (!which.equals("local")) {
            LettuceConnectionFactory factory =
                    new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
            factory.afterPropertiesSet();
            factory.start();
            try {
                StringRedisTemplate redis = new StringRedisTemplate(factory);
                new Run("redis", new RedisLeaderboard(redis), population, samples, moves, new RedisStats(redis)).all();
            } finally {
                factory.destroy();
            }
        }
    }

    /** Seeded players (version-4 ids) and ratings ~ N(1500, 300) rounded to 2 decimals, so neighbours often tie. */
    static List<Map.Entry<PlayerId, Double>> population(int players) {
        Random random = new Random(SEED);
        List<Map.Entry<PlayerId, Double>> entries = new ArrayList<>(players);
        for (int i = 0; i < players; i++) {
            long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            entries.add(Map.entry(new PlayerId(new UUID(msb, lsb)), rating(random)));
        }
        return entries;
    }

    static double rating(Random random) {
        return Math.round((1500 + 300 * random.nextGaussian()) * 100) / 100.0;
    }

    /** One adapter's measurements; {@code stats} is null for the local one. */
    private record Run(
            String name,
            Leaderboard board,
            List<Map.Entry<PlayerId, Double>> population,
            int samples,
            int moves,
            @Nullable RedisStats stats) {

        void all() throws InterruptedException {
            BoardKey key = new BoardKey("bench-" + UUID.randomUUID().toString().substring(0, 8), "global", 1);
            try {
                fill(key);
                Random random = new Random(SEED + 1);
                time("rank", random, p -> board.rank(key, p).orElseThrow());
                time("top-100", random, p -> checksum(board.range(key, 0, 100)));
                time("around-me", random, p -> aroundMe(key, p));
                time("put (move)", random, p -> {
                    board.put(key, p, rating(random));
                    return 1;
                });
                underMoves(key, random);
            } finally {
                board.delete(key);
            }
        }

        private void fill(BoardKey key) throws InterruptedException {
            long heap = usedHeapAfterGc();
            long t0 = System.nanoTime();
            board.replace(key, population);
            long fillNanos = System.nanoTime() - t0;
            String memory = stats == null
                    ? String.format(Locale.ROOT, "heap %.1f B/entry", (usedHeapAfterGc() - heap) / (double) size(key))
                    : String.format(
                            Locale.ROOT,
                            "Redis MEMORY USAGE %.1f B/entry",
                            stats.memoryUsage(key) / (double) size(key));
            System.out.printf(
                    Locale.ROOT,
                    "%s: fill %,d entries by replace in %.2f s (%,.0f entries/s); %s%n",
                    name,
                    size(key),
                    fillNanos / 1e9,
                    size(key) / (fillNanos / 1e9),
                    memory);
            if (stats == null) {
                fillByPuts(new BoardKey(key.mode(), "by-put", 1));
            }
        }

        /** The other way to fill a local board: one put per player, in random order (chunks split as they fill). */
        private void fillByPuts(BoardKey key) throws InterruptedException {
            long heap = usedHeapAfterGc();
            long t0 = System.nanoTime();
            population.forEach(e -> board.put(key, e.getKey(), e.getValue()));
            long nanos = System.nanoTime() - t0;
            System.out.printf(
                    Locale.ROOT,
                    "%s: fill %,d entries by put in %.2f s (%,.0f puts/s); heap %.1f B/entry%n",
                    name,
                    size(key),
                    nanos / 1e9,
                    size(key) / (nanos / 1e9),
                    (usedHeapAfterGc() - heap) / (double) size(key));
            board.delete(key);
        }

        private long aroundMe(BoardKey key, PlayerId p) {
            long rank = board.rank(key, p).orElseThrow();
            return checksum(board.range(key, rank - 11, 21));
        }

        private void time(String op, Random random, ToLongFunction<PlayerId> call) {
            time(op, random, call, 0);
        }

        /**
         * Warms up on a quarter as many calls, then records calls of {@code op} on random players: {@code samples} of
         * them, and for at least {@code seconds}.
         */
        private void time(String op, Random random, ToLongFunction<PlayerId> call, int seconds) {
            long sink = 0; // printed, so the calls cannot be optimised away
            for (int i = 0; i < samples / 4; i++) {
                sink += call.applyAsLong(anyPlayer(random));
            }
            Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            Map<String, long[]> before = stats == null ? Map.of() : stats.commandStats();
            long gc0 = gcCount();
            long gcMs0 = gcMillis();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            for (int i = 0; i < samples || System.nanoTime() < end; i++) {
                PlayerId p = anyPlayer(random);
                long t0 = System.nanoTime();
                sink += call.applyAsLong(p);
                h.recordValue(System.nanoTime() - t0);
            }
            String server = stats == null ? "" : "; Redis " + stats.perCall(before, stats.commandStats());
            report(
                    op,
                    h,
                    String.format(
                            Locale.ROOT,
                            "gc %d (%d ms)%s (checksum %d)",
                            gcCount() - gc0,
                            gcMillis() - gcMs0,
                            server,
                            sink % 10));
        }

        /** "Around me" on this thread while another moves random players at {@code moves} a second. */
        private void underMoves(BoardKey key, Random random) throws InterruptedException {
            Histogram puts = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            AtomicBoolean stop = new AtomicBoolean();
            Thread mover = Thread.ofPlatform().name("mover").start(() -> {
                Random own = new Random(SEED + 2);
                long interval = TimeUnit.SECONDS.toNanos(1) / moves;
                long next = System.nanoTime();
                while (!stop.get()) {
                    next += interval;
                    LockSupport.parkNanos(next - System.nanoTime());
                    long t0 = System.nanoTime();
                    board.put(key, anyPlayer(own), rating(own));
                    puts.recordValue(System.nanoTime() - t0);
                }
            });
            time(String.format(Locale.ROOT, "around-me, %,d moves/s", moves), random, p -> aroundMe(key, p), 10);
            stop.set(true);
            mover.join();
            report("  the moves meanwhile", puts, "");
        }

        private void report(String op, Histogram h, String extra) {
            System.out.printf(
                    Locale.ROOT,
                    "%s %-26s n=%,d  p50 %s  p99 %s  p99.9 %s  max %s µs  %s%n",
                    name,
                    op,
                    h.getTotalCount(),
                    micros(h.getValueAtPercentile(50)),
                    micros(h.getValueAtPercentile(99)),
                    micros(h.getValueAtPercentile(99.9)),
                    micros(h.getMaxValue()),
                    extra);
        }

        private PlayerId anyPlayer(Random random) {
            return population.get(random.nextInt(population.size())).getKey();
        }

        private long size(BoardKey key) {
            return board.size(key);
        }
    }

    /** Reads every entry of a page, as a caller rendering it would, so none of it can be optimised away. */
    private static long checksum(List<BoardEntry> page) {
        long sum = 0;
        for (BoardEntry e : page) {
            sum += e.rank() ^ e.player().value().getLeastSignificantBits() ^ Double.doubleToRawLongBits(e.rating());
        }
        return sum;
    }

    private static String micros(long nanos) {
        return nanos < 10_000
                ? String.format(Locale.ROOT, "%.1f", nanos / 1e3)
                : String.format(Locale.ROOT, "%,d", nanos / 1_000);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long gcCount() {
        return collectors().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    private static long gcMillis() {
        return collectors().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    /** The collectors that pause the application (G1's concurrent-cycle bean counts time spent beside it). */
    private static List<GarbageCollectorMXBean> collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(b -> !b.getName().contains("Concurrent"))
                .toList();
    }
}
