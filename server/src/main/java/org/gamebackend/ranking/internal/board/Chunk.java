package org.gamebackend.ranking.internal.board;

import java.util.UUID;
import org.gamebackend.accounts.PlayerId;

/**
 * A run of consecutive entries of one board, in board order, held in parallel primitive arrays: 24 bytes an entry and
 * no object per entry, so a million-entry board is a few thousand objects for the collector to trace.
 */
final class Chunk {

    private final double[] ratings;
    private final long[] msbs;
    private final long[] lsbs;
    private int size;

    Chunk(int capacity) {
        ratings = new double[capacity];
        msbs = new long[capacity];
        lsbs = new long[capacity];
    }

    /**
     * Board order: rating descending, then the id's canonical string ascending. That string is the fixed-width
     * lowercase hex of the most then the least significant bits, so it sorts as the two halves compared unsigned
     * ({@code UUID.compareTo} compares them signed and would disagree with Redis).
     */
    static int compare(double r1, long m1, long l1, double r2, long m2, long l2) {
        int c = Double.compare(r2, r1);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(m1, m2);
        return c != 0 ? c : Long.compareUnsigned(l1, l2);
    }

    int size() {
        return size;
    }

    boolean full() {
        return size == ratings.length;
    }

    /** The index of the first entry not ordered before (r, m, l): its position if present, else where it goes. */
    int lowerBound(double r, long m, long l) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(ratings[mid], msbs[mid], lsbs[mid], r, m, l) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether (r, m, l) is ordered after this chunk's last entry (true for an empty chunk). */
    boolean endsBefore(double r, long m, long l) {
        int last = size - 1;
        return size == 0 || compare(ratings[last], msbs[last], lsbs[last], r, m, l) < 0;
    }

    boolean holds(int i, long m, long l) {
        return i < size && msbs[i] == m && lsbs[i] == l;
    }

    void insert(int i, double r, long m, long l) {
        int tail = size - i;
        System.arraycopy(ratings, i, ratings, i + 1, tail);
        System.arraycopy(msbs, i, msbs, i + 1, tail);
        System.arraycopy(lsbs, i, lsbs, i + 1, tail);
        ratings[i] = r;
        msbs[i] = m;
        lsbs[i] = l;
        size++;
    }

    void append(double r, long m, long l) {
        insert(size, r, m, l);
    }

    void removeAt(int i) {
        int tail = size - i - 1;
        System.arraycopy(ratings, i + 1, ratings, i, tail);
        System.arraycopy(msbs, i + 1, msbs, i, tail);
        System.arraycopy(lsbs, i + 1, lsbs, i, tail);
        size--;
    }

    /** Moves the upper half of this chunk into a new one of the same capacity and returns it. */
    Chunk splitOff() {
        Chunk right = new Chunk(ratings.length);
        int keep = size / 2;
        right.takeFrom(this, keep, size - keep);
        size = keep;
        return right;
    }

    /** Appends all of {@code next}, which follows this chunk in board order and must fit. */
    void absorb(Chunk next) {
        takeFrom(next, 0, next.size);
    }

    private void takeFrom(Chunk from, int start, int count) {
        System.arraycopy(from.ratings, start, ratings, size, count);
        System.arraycopy(from.msbs, start, msbs, size, count);
        System.arraycopy(from.lsbs, start, lsbs, size, count);
        size += count;
    }

    BoardEntry entry(int i, long rank) {
        return new BoardEntry(rank, new PlayerId(new UUID(msbs[i], lsbs[i])), ratings[i]);
    }
}
