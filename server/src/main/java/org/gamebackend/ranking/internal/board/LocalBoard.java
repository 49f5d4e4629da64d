package org.gamebackend.ranking.internal.board;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.gamebackend.accounts.PlayerId;

/**
 * One board in memory: its entries in board order as a list of sorted chunks (an insert or removal shifts at most one
 * chunk; a rank sums the sizes of the chunks before the player's), plus each player's current rating to find their
 * entry again. Readers share a lock, writers take it alone.
 */
final class LocalBoard {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final int chunkCapacity;
    private final ArrayList<Chunk> chunks = new ArrayList<>();
    private final PlayerRatings ratings;

    LocalBoard(int chunkCapacity) {
        this(chunkCapacity, new PlayerRatings(0));
    }

    /**
     * A board holding {@code entries}, built by one sort instead of an insert each; a player listed twice keeps the
     * last rating. Chunks are packed 7/8 full so the first inserts do not split every one of them.
     */
    static LocalBoard rebuild(int chunkCapacity, Iterable<Map.Entry<PlayerId, Double>> entries) {
        int expected = entries instanceof Collection<?> c ? c.size() : 0;
        PlayerRatings latest = new PlayerRatings(expected);
        List<Row> rows = new ArrayList<>(expected);
        for (Map.Entry<PlayerId, Double> entry : entries) {
            UUID id = entry.getKey().value();
            Row row = new Row(
                    BoardArguments.rating(entry.getValue()), id.getMostSignificantBits(), id.getLeastSignificantBits());
            latest.put(row.msb, row.lsb, row.rating);
            rows.add(row);
        }
        rows.sort((a, b) -> Chunk.compare(a.rating, a.msb, a.lsb, b.rating, b.msb, b.lsb));
        LocalBoard board = new LocalBoard(chunkCapacity, latest);
        int fill = Math.max(1, chunkCapacity / 8 * 7);
        Row previous = null;
        int packed = 0;
        for (Row row : rows) {
            // a repeated player: keep only the row with their last rating, once (equal rows sort next to each other)
            if (latest.get(row.msb, row.lsb) != row.rating || row.equals(previous)) {
                continue;
            }
            if (packed++ % fill == 0) {
                board.chunks.add(new Chunk(chunkCapacity));
            }
            board.chunks.getLast().append(row.rating, row.msb, row.lsb);
            previous = row;
        }
        return board;
    }

    private record Row(double rating, long msb, long lsb) {}

    private LocalBoard(int chunkCapacity, PlayerRatings ratings) {
        this.chunkCapacity = chunkCapacity;
        this.ratings = ratings;
    }

    void put(PlayerId player, double rating) {
        long m = player.value().getMostSignificantBits();
        long l = player.value().getLeastSignificantBits();
        write().lock();
        try {
            double previous = ratings.put(m, l, rating);
            if (previous == rating) {
                return;
            }
            if (!Double.isNaN(previous)) {
                delete(previous, m, l);
            }
            insert(rating, m, l);
        } finally {
            write().unlock();
        }
    }

    /** Returns how many entries are left. */
    int remove(PlayerId player) {
        long m = player.value().getMostSignificantBits();
        long l = player.value().getLeastSignificantBits();
        write().lock();
        try {
            double previous = ratings.remove(m, l);
            if (!Double.isNaN(previous)) {
                delete(previous, m, l);
            }
            return ratings.size();
        } finally {
            write().unlock();
        }
    }

    OptionalLong rank(PlayerId player) {
        long m = player.value().getMostSignificantBits();
        long l = player.value().getLeastSignificantBits();
        read().lock();
        try {
            double rating = ratings.get(m, l);
            return Double.isNaN(rating) ? OptionalLong.empty() : OptionalLong.of(countBefore(rating, m, l) + 1);
        } finally {
            read().unlock();
        }
    }

    OptionalDouble rating(PlayerId player) {
        UUID id = player.value();
        read().lock();
        try {
            double rating = ratings.get(id.getMostSignificantBits(), id.getLeastSignificantBits());
            return Double.isNaN(rating) ? OptionalDouble.empty() : OptionalDouble.of(rating);
        } finally {
            read().unlock();
        }
    }

    /** Entries with 0-based positions from (≥ 0) to to (exclusive). */
    List<BoardEntry> range(long from, long to) {
        read().lock();
        try {
            long end = Math.min(to, ratings.size());
            if (end <= from) {
                return List.of();
            }
            List<BoardEntry> page = new ArrayList<>((int) (end - from));
            int ci = 0;
            long skipped = 0;
            while (skipped + chunks.get(ci).size() <= from) {
                skipped += chunks.get(ci++).size();
            }
            int i = (int) (from - skipped);
            for (long position = from; position < end; position++, i++) {
                if (i == chunks.get(ci).size()) {
                    ci++;
                    i = 0;
                }
                page.add(chunks.get(ci).entry(i, position + 1));
            }
            return page;
        } finally {
            read().unlock();
        }
    }

    long countAbove(double rating) {
        read().lock();
        try {
            // (rating, smallest id) is ordered after every higher rating and before every equal one
            return countBefore(rating, 0, 0);
        } finally {
            read().unlock();
        }
    }

    long size() {
        read().lock();
        try {
            return ratings.size();
        } finally {
            read().unlock();
        }
    }

    /** How many entries are ordered before (r, m, l). */
    private long countBefore(double r, long m, long l) {
        int ci = chunkIndex(r, m, l);
        long before = 0;
        for (int i = 0; i < ci; i++) {
            before += chunks.get(i).size();
        }
        return ci == chunks.size() ? before : before + chunks.get(ci).lowerBound(r, m, l);
    }

    /** The first chunk whose last entry is not ordered before (r, m, l); the chunk count if there is none. */
    private int chunkIndex(double r, long m, long l) {
        int lo = 0;
        int hi = chunks.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (chunks.get(mid).endsBefore(r, m, l)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void insert(double r, long m, long l) {
        if (chunks.isEmpty()) {
            chunks.add(new Chunk(chunkCapacity));
        }
        int ci = Math.min(chunkIndex(r, m, l), chunks.size() - 1);
        Chunk chunk = chunks.get(ci);
        if (chunk.full()) {
            Chunk right = chunk.splitOff();
            chunks.add(ci + 1, right);
            if (chunk.endsBefore(r, m, l)) {
                chunk = right;
            }
        }
        chunk.insert(chunk.lowerBound(r, m, l), r, m, l);
    }

    private void delete(double r, long m, long l) {
        int ci = chunkIndex(r, m, l);
        Chunk chunk = ci < chunks.size() ? chunks.get(ci) : null;
        int i = chunk == null ? -1 : chunk.lowerBound(r, m, l);
        if (chunk == null || !chunk.holds(i, m, l)) {
            throw new IllegalStateException("board order and player ratings disagree for " + new UUID(m, l));
        }
        chunk.removeAt(i);
        if (chunk.size() == 0) {
            chunks.remove(ci);
        } else if (chunk.size() < chunkCapacity / 4) {
            mergeWithNeighbour(ci);
        }
    }

    /** Merges a small chunk into a neighbour when both fit in 3/4 of a chunk, so a merge is not split right back. */
    private void mergeWithNeighbour(int ci) {
        int limit = chunkCapacity / 4 * 3;
        if (ci + 1 < chunks.size() && chunks.get(ci).size() + chunks.get(ci + 1).size() <= limit) {
            chunks.get(ci).absorb(chunks.remove(ci + 1));
        } else if (ci > 0 && chunks.get(ci - 1).size() + chunks.get(ci).size() <= limit) {
            chunks.get(ci - 1).absorb(chunks.remove(ci));
        }
    }

    private Lock read() {
        return lock.readLock();
    }

    private Lock write() {
        return lock.writeLock();
    }
}
