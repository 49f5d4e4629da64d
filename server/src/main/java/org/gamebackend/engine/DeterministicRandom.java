package org.gamebackend.engine;

/**
 * SplitMix64: small, fast, and its whole state is one {@code long}, so it snapshots and replays exactly. Not for
 * secrets.
 */
public final class DeterministicRandom {

    private long state;

    public DeterministicRandom(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in {@code [0, bound)}. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    /** Uniform in {@code [0, 1)}. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** Puts the generator back to a state taken from {@link #state()}. */
    public void reset(long state) {
        this.state = state;
    }

    /** The whole state, for snapshots. */
    public long state() {
        return state;
    }
}
