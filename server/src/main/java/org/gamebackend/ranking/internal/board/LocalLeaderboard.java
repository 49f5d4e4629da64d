package org.gamebackend.ranking.internal.board;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.gamebackend.accounts.PlayerId;

/**
 * Leaderboards in this process (standalone mode). Writes run inside the map's compute for their board, so a put racing
 * a {@link #delete} or {@link #replace} lands wholly before or after it, as a ZADD would in Redis; an emptied board
 * leaves the map, as an emptied sorted set leaves Redis.
 */
public final class LocalLeaderboard implements Leaderboard {

    /** Big enough that a million entries are ~1,100 chunks to sum, small enough that an insert shifts ~10 KB. */
    static final int CHUNK_CAPACITY = 1024;

    private final ConcurrentHashMap<BoardKey, LocalBoard> boards = new ConcurrentHashMap<>();
    private final int chunkCapacity;

    public LocalLeaderboard() {
        this(CHUNK_CAPACITY);
    }

    /** Tests use tiny chunks so that a few hundred entries split and merge them. */
    LocalLeaderboard(int chunkCapacity) {
        if (chunkCapacity < 8) {
            throw new IllegalArgumentException("chunks need room for at least 8 entries: " + chunkCapacity);
        }
        this.chunkCapacity = chunkCapacity;
    }

    @Override
    public void put(BoardKey key, PlayerId player, double rating) {
        double stored = BoardArguments.rating(rating);
        boards.compute(key, (k, board) -> {
            LocalBoard target = board != null ? board : new LocalBoard(chunkCapacity);
            target.put(player, stored);
            return target;
        });
    }

    @Override
    public void remove(BoardKey key, PlayerId player) {
        boards.computeIfPresent(key, (k, board) -> board.remove(player) == 0 ? null : board);
    }

    @Override
    public OptionalLong rank(BoardKey key, PlayerId player) {
        LocalBoard board = boards.get(key);
        return board == null ? OptionalLong.empty() : board.rank(player);
    }

    @Override
    public OptionalDouble rating(BoardKey key, PlayerId player) {
        LocalBoard board = boards.get(key);
        return board == null ? OptionalDouble.empty() : board.rating(player);
    }

    @Override
    public List<BoardEntry> range(BoardKey key, long offset, int limit) {
        BoardArguments.window(offset, limit);
        LocalBoard board = boards.get(key);
        return board == null ? List.of() : board.range(Math.max(offset, 0), offset + limit);
    }

    @Override
    public long countAbove(BoardKey key, double rating) {
        double bound = BoardArguments.bound(rating);
        LocalBoard board = boards.get(key);
        return board == null ? 0 : board.countAbove(bound);
    }

    @Override
    public long size(BoardKey key) {
        LocalBoard board = boards.get(key);
        return board == null ? 0 : board.size();
    }

    @Override
    public void replace(BoardKey key, Iterable<Map.Entry<PlayerId, Double>> entries) {
        // built before the swap: readers keep the old board meanwhile and then see the whole new one
        LocalBoard rebuilt = LocalBoard.rebuild(chunkCapacity, entries);
        if (rebuilt.size() == 0) {
            boards.remove(key);
        } else {
            boards.put(key, rebuilt);
        }
    }

    @Override
    public void delete(BoardKey key) {
        boards.remove(key);
    }
}
