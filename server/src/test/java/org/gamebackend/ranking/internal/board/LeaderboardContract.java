package org.gamebackend.ranking.internal.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Leaderboard} adapter must do, with the same answers: run by {@link LocalLeaderboardTests} and
 * {@link RedisLeaderboardTests}. Each test uses boards of its own mode name, so runs against a shared Redis never meet.
 */
abstract class LeaderboardContract {

    final String mode = "test-" + UUID.randomUUID().toString().substring(0, 8);
    final BoardKey key = new BoardKey(mode, "eu", 1);
    Leaderboard boards;

    abstract Leaderboard leaderboard();

    @BeforeEach
    void createLeaderboard() {
        boards = leaderboard();
    }

    static PlayerId player(String uuid) {
        return new PlayerId(UUID.fromString(uuid));
    }

    static PlayerId player(int n) {
        return new PlayerId(new UUID(0, n));
    }

    /** The board as (player, rating) pairs, top first, read through {@link Leaderboard#range}. */
    List<Map.Entry<PlayerId, Double>> all(BoardKey board) {
        List<Map.Entry<PlayerId, Double>> pairs = new ArrayList<>();
        List<BoardEntry> page = boards.range(board, 0, 100_000);
        for (int i = 0; i < page.size(); i++) {
            assertThat(page.get(i).rank()).isEqualTo(i + 1);
            pairs.add(Map.entry(page.get(i).player(), page.get(i).rating()));
        }
        return pairs;
    }

    @Test
    void ordersByRatingDescending() {
        boards.put(key, player(1), 1500);
        boards.put(key, player(2), 1712.5);
        boards.put(key, player(3), -20);
        boards.put(key, player(4), 1499.999);

        assertThat(boards.range(key, 0, 10))
                .containsExactly(
                        new BoardEntry(1, player(2), 1712.5),
                        new BoardEntry(2, player(1), 1500),
                        new BoardEntry(3, player(4), 1499.999),
                        new BoardEntry(4, player(3), -20));
        assertThat(boards.rank(key, player(4))).hasValue(3);
        assertThat(boards.rating(key, player(4))).hasValue(1499.999);
    }

    @Test
    void breaksTiesByTheIdsCanonicalStringAscending() {
        // ids whose halves have the top bit set sort last as strings but first as signed longs (UUID.compareTo)
        List<String> ids = List.of(
                "ffffffff-0000-0000-0000-000000000000",
                "80000000-0000-0000-0000-000000000000",
                "7fffffff-ffff-ffff-ffff-ffffffffffff",
                "00000000-0000-0000-8000-000000000000",
                "00000000-0000-0000-7fff-ffffffffffff",
                "00000000-0000-0000-0000-000000000000",
                "0a000000-0000-0000-0000-000000000000",
                "a0000000-0000-0000-0000-000000000000");
        ids.forEach(id -> boards.put(key, player(id), 1500));
        boards.put(key, player(9), 1501);

        List<String> expected = new ArrayList<>(ids);
        expected.sort(null);
        expected.addFirst(player(9).toString());
        assertThat(all(key)).extracting(e -> e.getKey().toString()).containsExactlyElementsOf(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(boards.rank(key, player(expected.get(i)))).hasValue(i + 1);
        }
    }

    @Test
    void putAgainMovesThePlayer() {
        boards.put(key, player(1), 1500);
        boards.put(key, player(2), 1400);
        boards.put(key, player(3), 1300);

        boards.put(key, player(3), 1600);
        assertThat(boards.rank(key, player(3))).hasValue(1);
        assertThat(boards.rank(key, player(1))).hasValue(2);
        assertThat(boards.rating(key, player(3))).hasValue(1600);
        assertThat(boards.size(key)).isEqualTo(3);

        boards.put(key, player(3), 1600);
        boards.put(key, player(1), 1200);
        assertThat(all(key))
                .containsExactly(
                        Map.entry(player(3), 1600.0), Map.entry(player(2), 1400.0), Map.entry(player(1), 1200.0));
    }

    @Test
    void removeTakesThePlayerOff() {
        boards.put(key, player(1), 1500);
        boards.put(key, player(2), 1400);
        boards.put(key, player(3), 1300);

        boards.remove(key, player(2));
        boards.remove(key, player(42));
        assertThat(boards.rank(key, player(2))).isEmpty();
        assertThat(boards.rating(key, player(2))).isEmpty();
        assertThat(boards.rank(key, player(3))).hasValue(2);
        assertThat(boards.size(key)).isEqualTo(2);

        boards.remove(key, player(1));
        boards.remove(key, player(3));
        assertThat(boards.size(key)).isZero();
        assertThat(boards.range(key, 0, 10)).isEmpty();
        boards.put(key, player(1), 10);
        assertThat(boards.rank(key, player(1))).hasValue(1);
    }

    @Test
    void anAbsentPlayerOrBoardHasNothing() {
        boards.put(key, player(1), 1500);

        assertThat(boards.rank(key, player(2))).isEqualTo(OptionalLong.empty());
        assertThat(boards.rating(key, player(2))).isEqualTo(OptionalDouble.empty());
        BoardKey none = new BoardKey(mode, "nowhere", 1);
        assertThat(boards.rank(none, player(1))).isEmpty();
        assertThat(boards.rating(none, player(1))).isEmpty();
        assertThat(boards.range(none, 0, 10)).isEmpty();
        assertThat(boards.countAbove(none, 0)).isZero();
        assertThat(boards.size(none)).isZero();
        boards.remove(none, player(1));
        boards.delete(none);
    }

    @Test
    void rangeReadsWindowsAtTheStartMiddleAndEnd() {
        for (int n = 1; n <= 10; n++) {
            boards.put(key, player(n), 2000 - n); // player n has rank n
        }

        assertThat(boards.range(key, 0, 3)).extracting(BoardEntry::rank).containsExactly(1L, 2L, 3L);
        assertThat(boards.range(key, 4, 3))
                .containsExactly(
                        new BoardEntry(5, player(5), 1995),
                        new BoardEntry(6, player(6), 1994),
                        new BoardEntry(7, player(7), 1993));
        assertThat(boards.range(key, 8, 5)).extracting(BoardEntry::player).containsExactly(player(9), player(10));
        assertThat(boards.range(key, 10, 5)).isEmpty();
        assertThat(boards.range(key, 1_000, 5)).isEmpty();
        assertThat(boards.range(key, 3, 0)).isEmpty();
        assertThat(boards.range(key, -2, 5)).extracting(BoardEntry::rank).containsExactly(1L, 2L, 3L);
        assertThat(boards.range(key, -8, 5)).isEmpty();
        assertThatThrownBy(() -> boards.range(key, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countAboveCountsStrictlyHigherRatings() {
        boards.put(key, player(1), 1600);
        boards.put(key, player(2), 1500);
        boards.put(key, player(3), 1500);
        boards.put(key, player(4), 1500);
        boards.put(key, player(5), 1400);

        assertThat(boards.countAbove(key, 1700)).isZero();
        assertThat(boards.countAbove(key, 1600)).isZero();
        assertThat(boards.countAbove(key, 1599.99)).isEqualTo(1);
        assertThat(boards.countAbove(key, 1500)).isEqualTo(1);
        assertThat(boards.countAbove(key, Math.nextDown(1500.0))).isEqualTo(4);
        assertThat(boards.countAbove(key, 1400)).isEqualTo(4);
        assertThat(boards.countAbove(key, -1e9)).isEqualTo(5);
        assertThat(boards.countAbove(key, Double.POSITIVE_INFINITY)).isZero();
        assertThat(boards.countAbove(key, Double.NEGATIVE_INFINITY)).isEqualTo(5);
        assertThatThrownBy(() -> boards.countAbove(key, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sizeCountsPlayersOnce() {
        assertThat(boards.size(key)).isZero();
        boards.put(key, player(1), 1);
        boards.put(key, player(2), 1);
        boards.put(key, player(1), 3);
        assertThat(boards.size(key)).isEqualTo(2);
    }

    @Test
    void zeroAndNegativeZeroAreOneRating() {
        boards.put(key, player(2), -0.0);
        boards.put(key, player(1), 0.0);
        boards.put(key, player(3), -0.5);
        boards.put(key, player(4), 0.5);

        assertThat(all(key))
                .containsExactly(
                        Map.entry(player(4), 0.5),
                        Map.entry(player(1), 0.0),
                        Map.entry(player(2), 0.0),
                        Map.entry(player(3), -0.5));
        assertThat(Double.doubleToRawLongBits(boards.rating(key, player(2)).orElseThrow()))
                .isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(boards.countAbove(key, -0.0)).isEqualTo(1);
        assertThat(boards.countAbove(key, 0.0)).isEqualTo(1);
        boards.put(key, player(2), 0.0);
        assertThat(boards.size(key)).isEqualTo(4);
    }

    @Test
    void refusesRatingsThatAreNotFinite() {
        boards.put(key, player(1), 1500);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> boards.put(key, player(2), bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> boards.replace(key, List.of(Map.entry(player(2), bad))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(all(key)).containsExactly(Map.entry(player(1), 1500.0));
    }

    @Test
    void replaceLoadsUnsortedEntriesAndKeepsTheLastOfARepeatedPlayer() {
        boards.replace(
                key,
                List.of(
                        Map.entry(player(1), 1200.0),
                        Map.entry(player(2), 1800.0),
                        Map.entry(player(3), 1500.0),
                        Map.entry(player(1), 1900.0),
                        Map.entry(player(6), 1000.0),
                        Map.entry(player(6), 1100.0),
                        Map.entry(player(6), 1000.0), // equal to an earlier entry, and still the last word
                        Map.entry(player(4), 1500.0)));

        assertThat(all(key))
                .containsExactly(
                        Map.entry(player(1), 1900.0),
                        Map.entry(player(2), 1800.0),
                        Map.entry(player(3), 1500.0),
                        Map.entry(player(4), 1500.0),
                        Map.entry(player(6), 1000.0));
        assertThat(boards.size(key)).isEqualTo(5);
        boards.put(key, player(5), 1850);
        assertThat(boards.rank(key, player(5))).hasValue(2);
    }

    @Test
    void replaceDropsTheOldEntries() {
        boards.put(key, player(1), 1500);
        boards.put(key, player(2), 1600);

        boards.replace(key, List.of(Map.entry(player(3), 1000.0), Map.entry(player(2), 900.0)));
        assertThat(all(key)).containsExactly(Map.entry(player(3), 1000.0), Map.entry(player(2), 900.0));
        assertThat(boards.rank(key, player(1))).isEmpty();

        boards.replace(key, List.of());
        assertThat(boards.size(key)).isZero();
        assertThat(boards.range(key, 0, 10)).isEmpty();
    }

    @Test
    void boardsOfOtherRegionsSeasonsAndModesAreIndependent() {
        BoardKey global = new BoardKey(mode, "global", 1);
        BoardKey nextSeason = new BoardKey(mode, "eu", 2);
        BoardKey otherMode = new BoardKey(mode + "-2v2", "eu", 1);
        boards.put(key, player(1), 1500);
        boards.put(global, player(1), 1600);
        boards.put(global, player(2), 1700);
        boards.put(nextSeason, player(1), 1400);
        boards.put(otherMode, player(3), 1300);

        assertThat(all(key)).containsExactly(Map.entry(player(1), 1500.0));
        assertThat(all(global)).containsExactly(Map.entry(player(2), 1700.0), Map.entry(player(1), 1600.0));
        assertThat(boards.rank(nextSeason, player(1))).hasValue(1);
        assertThat(boards.rank(otherMode, player(1))).isEmpty();

        boards.remove(global, player(1));
        boards.delete(nextSeason);
        boards.replace(otherMode, List.of(Map.entry(player(4), 1.0)));
        assertThat(all(key)).containsExactly(Map.entry(player(1), 1500.0));
        assertThat(all(global)).containsExactly(Map.entry(player(2), 1700.0));
        assertThat(boards.size(nextSeason)).isZero();
        assertThat(all(otherMode)).containsExactly(Map.entry(player(4), 1.0));
        boards.delete(otherMode);
    }

    @Test
    void deleteEmptiesTheBoard() {
        boards.put(key, player(1), 1500);
        boards.delete(key);
        assertThat(boards.size(key)).isZero();
        assertThat(boards.rank(key, player(1))).isEmpty();
    }

    @Test
    void agreesWithASortedListOverRandomOperations() {
        new RandomOperations(boards, List.of(key, new BoardKey(mode, "global", 1)), 20261203L).run(4_000, 300);
    }
}
