package org.gamebackend.ranking.internal.board;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.gamebackend.accounts.PlayerId;

/**
 * Ratings per board in board order: rating descending, ties by the player id's canonical UUID string ascending
 * ({@code UUID.toString()}, lowercase). Every adapter orders exactly alike, so a page or a rank never depends on the
 * mode the server runs in. Ratings must be finite; -0.0 is stored as 0.0.
 */
public interface Leaderboard {

    /** Insert or move. */
    void put(BoardKey key, PlayerId player, double rating);

    void remove(BoardKey key, PlayerId player);

    /** 1-based; empty when not on the board. */
    OptionalLong rank(BoardKey key, PlayerId player);

    OptionalDouble rating(BoardKey key, PlayerId player);

    /**
     * Entries with rank offset+1 .. offset+limit. A negative offset (a window around a player near the top) yields
     * only the ranks from 1 that fall inside it.
     */
    List<BoardEntry> range(BoardKey key, long offset, int limit);

    /** How many entries rate strictly higher than {@code rating} (used to resume a cursor whose player moved). */
    long countAbove(BoardKey key, double rating);

    long size(BoardKey key);

    /**
     * Replaces the whole board (rebuild from PostgreSQL); entries need not be sorted, and a player listed twice keeps
     * the last rating. Readers see the old board or the new one, never a mix; a put racing the rebuild may be lost.
     */
    void replace(BoardKey key, Iterable<Map.Entry<PlayerId, Double>> entries);

    void delete(BoardKey key);
}
