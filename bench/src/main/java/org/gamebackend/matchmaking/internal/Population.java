package org.gamebackend.matchmaking.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic player population for the matchmaking benchmarks: five regions of unequal size whose evening peaks fall
 * at different times (time zones), ratings ~ N(1500, 300), a share of parties of two whose second player is rated near
 * the first, and round-trip latencies to every region from a rough world map with per-player spread.
 */
final class Population {

    static final List<String> REGIONS = List.of("eu", "na", "asia", "sa", "oce");

    /** Share of all tickets queued from each region. */
    private static final double[] WEIGHTS = {0.35, 0.30, 0.20, 0.10, 0.05};

    /** When (as a fraction of a day) each region's queue peaks: their evenings, in UTC. */
    private static final double[] PEAKS = {19 / 24.0, 1 / 24.0, 12 / 24.0, 23 / 24.0, 9 / 24.0};

    /** Typical round trip (ms) from a player in the row's region to a server in the column's region. */
    private static final int[][] RTT = {
        {25, 110, 230, 200, 290},
        {110, 30, 160, 130, 180},
        {230, 160, 35, 300, 110},
        {200, 130, 300, 30, 300},
        {290, 180, 110, 300, 30},
    };

    /** How much the arrival rate swings around its mean over a day (0.6: from 0.4× to 1.6×). */
    private static final double SWING = 0.6;

    private static final double MEAN_RATING = 1500;
    private static final double RATING_SD = 300;

    private final double partyShare;

    Population(double partyShare) {
        this.partyShare = partyShare;
    }

    /** A ticket arriving at {@code arrivalMillis}, its region drawn by population share. */
    StreamTicket next(Random random, long arrivalMillis) {
        return next(random, arrivalMillis, region(random));
    }

    /** A ticket of a player in {@code REGIONS.get(region)}: rating(s) and round trips to every region. */
    StreamTicket next(Random random, long arrivalMillis, int region) {
        Map<String, Integer> latencies = new LinkedHashMap<>();
        for (int to = 0; to < REGIONS.size(); to++) {
            // players spread ±25 % around the typical route
            latencies.put(REGIONS.get(to), (int) Math.round(RTT[region][to] * (0.75 + 0.5 * random.nextDouble())));
        }
        double first = rating(random);
        List<Double> ratings = random.nextDouble() < partyShare
                ? List.of(first, (double) Math.round(first + random.nextGaussian() * 150))
                : List.of(first);
        return new StreamTicket(arrivalMillis, REGIONS.get(region), ratings, latencies);
    }

    /**
     * {@code count} tickets of players in the first region, all searching, queued at uniform random times within
     * {@code spreadMillis} before {@code now}; oldest first, the order a pool receives them in.
     */
    List<Ticket> waiting(Random random, int count, String mode, long now, long spreadMillis) {
        long[] queuedAt = new long[count];
        for (int i = 0; i < count; i++) {
            queuedAt[i] = now - (long) (random.nextDouble() * spreadMillis);
        }
        Arrays.sort(queuedAt);
        List<Ticket> tickets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tickets.add(next(random, queuedAt[i], 0).toTicket(i, mode, queuedAt[i]));
        }
        return tickets;
    }

    private static double rating(Random random) {
        return Math.round(MEAN_RATING + random.nextGaussian() * RATING_SD);
    }

    static int region(Random random) {
        double u = random.nextDouble();
        for (int r = 0; r < WEIGHTS.length - 1; r++) {
            u -= WEIGHTS[r];
            if (u < 0) {
                return r;
            }
        }
        return WEIGHTS.length - 1;
    }

    /**
     * An arrival time in {@code [0, dayMillis)} for a player of {@code region}, drawn from a rate that follows the
     * region's day: {@code 1 + SWING·cos(2π(t/day − peak))}. The stream compresses one day into {@code dayMillis}.
     */
    static long arrival(Random random, int region, long dayMillis) {
        while (true) {
            double t = random.nextDouble();
            double rate = 1 + SWING * Math.cos(2 * Math.PI * (t - PEAKS[region]));
            if (random.nextDouble() * (1 + SWING) < rate) {
                return (long) (t * dayMillis);
            }
        }
    }
}
