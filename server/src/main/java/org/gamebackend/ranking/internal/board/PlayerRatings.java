package org.gamebackend.ranking.internal.board;

import java.util.Arrays;

/**
 * Player id (as its two halves) to current rating: the board needs it to find a player's entry when they move or
 * leave. Linear probing over three primitive arrays costs 24 bytes a slot (32–64 an entry at a load of 3/8–3/4) where
 * a {@code HashMap<PlayerId, Double>} costs about 100. An empty slot holds NaN, which no stored rating can be.
 */
final class PlayerRatings {

    private static final int MIN_SLOTS = 16;

    private long[] msbs;
    private long[] lsbs;
    private double[] ratings;
    private int size;

    PlayerRatings(int expected) {
        allocate(slotsFor(expected));
    }

    int size() {
        return size;
    }

    /** The player's rating, or NaN when absent. */
    double get(long m, long l) {
        return ratings[find(m, l)];
    }

    /** Stores the rating (never NaN) and returns the previous one, or NaN when the player is new. */
    double put(long m, long l, double rating) {
        int i = find(m, l);
        double previous = ratings[i];
        msbs[i] = m;
        lsbs[i] = l;
        ratings[i] = rating;
        if (Double.isNaN(previous) && ++size > ratings.length / 4 * 3) {
            grow();
        }
        return previous;
    }

    /** Removes the player and returns their rating, or NaN when absent. */
    double remove(long m, long l) {
        int hole = find(m, l);
        double previous = ratings[hole];
        if (Double.isNaN(previous)) {
            return previous;
        }
        size--;
        // backward-shift deletion: pull later entries of the probe run into the hole so lookups need no tombstones
        int mask = ratings.length - 1;
        for (int k = (hole + 1) & mask; !Double.isNaN(ratings[k]); k = (k + 1) & mask) {
            int home = home(msbs[k], lsbs[k]);
            if (((k - home) & mask) >= ((k - hole) & mask)) {
                msbs[hole] = msbs[k];
                lsbs[hole] = lsbs[k];
                ratings[hole] = ratings[k];
                hole = k;
            }
        }
        ratings[hole] = Double.NaN;
        return previous;
    }

    /** The slot holding the player, or the empty slot where they would go. */
    private int find(long m, long l) {
        int mask = ratings.length - 1;
        int i = home(m, l);
        while (!Double.isNaN(ratings[i]) && (msbs[i] != m || lsbs[i] != l)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private int home(long m, long l) {
        // random UUIDs are well mixed already, but name-based or hand-made ones need not be
        long h = (m ^ Long.rotateLeft(l, 32)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & (ratings.length - 1);
    }

    private void grow() {
        long[] oldMsbs = msbs;
        long[] oldLsbs = lsbs;
        double[] oldRatings = ratings;
        allocate(oldRatings.length * 2);
        for (int i = 0; i < oldRatings.length; i++) {
            if (!Double.isNaN(oldRatings[i])) {
                int j = find(oldMsbs[i], oldLsbs[i]);
                msbs[j] = oldMsbs[i];
                lsbs[j] = oldLsbs[i];
                ratings[j] = oldRatings[i];
            }
        }
    }

    private void allocate(int slots) {
        msbs = new long[slots];
        lsbs = new long[slots];
        ratings = new double[slots];
        Arrays.fill(ratings, Double.NaN);
    }

    private static int slotsFor(int expected) {
        int slots = MIN_SLOTS;
        while (slots / 4 * 3 < expected) {
            slots *= 2;
        }
        return slots;
    }
}
