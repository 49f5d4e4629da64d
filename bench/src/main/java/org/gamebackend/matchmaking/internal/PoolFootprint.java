package org.gamebackend.matchmaking.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Retained heap per waiting ticket: fills a {@link Pool} with N tickets from {@link Population} (latencies to five
 * regions, a share of parties of two) and compares the used heap after full GCs before and after, several times.
 * Each repetition then runs one pairing pass over its pool and prints what it made (the first passes run cold).
 *
 * <p>Usage: {@code PoolFootprint [tickets] [repetitions] [partyShare]}
 */
public final class PoolFootprint {

    private PoolFootprint() {}

    public static void main(String[] args) throws InterruptedException {
        int count = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        int repetitions = Integer.parseInt(args.length > 1 ? args[1] : "5");
        double partyShare = Double.parseDouble(args.length > 2 ? args[2] : "0.15");
        List<Double> perTicket = new ArrayList<>();
        for (int rep = 0; rep < repetitions; rep++) {
            // a method per repetition, so that the last pool is unreachable when the next one starts
            perTicket.add(repetition(rep, count, new Population(partyShare)));
        }
        perTicket.sort(null);
        System.out.printf(
                Locale.ROOT,
                "bytes per waiting ticket: median %.0f (min %.0f, max %.0f) over %d repetitions%n",
                perTicket.get(perTicket.size() / 2),
                perTicket.getFirst(),
                perTicket.getLast(),
                repetitions);
    }

    private static double repetition(int rep, int count, Population population) throws InterruptedException {
        long now = 1_800_000_000_000L;
        Mode mode = new Mode(
                "bench", "bench", 2, 2, true, java.util.Set.of("eu"), 100, 10, 400, 0, 120, false, 0, 1, 300_000);
        long before = usedHeapAfterGc();
        Pool pool = new Pool(mode, "eu");
        for (Ticket t : population.waiting(new Random(rep), count, mode.name(), now, 60_000)) {
            pool.add(t);
        }
        long after = usedHeapAfterGc();
        double bytes = (after - before) / (double) count;
        int players = pool.players();
        long t0 = System.nanoTime();
        List<Proposal> made = pool.pass(now);
        System.out.printf(
                Locale.ROOT,
                "rep %d: %d tickets (%d players), heap %+.1f MB = %.0f bytes per waiting ticket; then one 2v2 pass:"
                        + " %d matches, %d tickets left, %.1f ms%n",
                rep + 1,
                count,
                players,
                (after - before) / 1e6,
                bytes,
                made.size(),
                pool.tickets(),
                (System.nanoTime() - t0) / 1e6);
        return bytes;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
