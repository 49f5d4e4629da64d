package org.gamebackend.ranking.internal.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.junit.jupiter.api.Test;

/** The contract in process, with chunks of 8 so that a few entries already split and merge them. */
class LocalLeaderboardTests extends LeaderboardContract {

    @Override
    Leaderboard leaderboard() {
        return new LocalLeaderboard(8);
    }

    @Test
    void agreesWithASortedListWithFullSizeChunks() {
        new RandomOperations(new LocalLeaderboard(), List.of(key), 7L).run(3_000, 3_000);
    }

    @Test
    void aRebuiltBoardOfFullSizeChunksTakesMovesAndRemovals() {
        Random random = new Random(11);
        List<Map.Entry<PlayerId, Double>> entries = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            entries.add(Map.entry(
                    new PlayerId(new UUID(random.nextLong(), random.nextLong())), (double) random.nextInt(3_000)));
        }
        Leaderboard local = new LocalLeaderboard();
        local.replace(key, entries);
        for (int i = 0; i < 20_000; i++) {
            PlayerId p = entries.get(random.nextInt(entries.size())).getKey();
            if (random.nextInt(4) == 0) {
                local.remove(key, p);
            } else {
                local.put(key, p, random.nextInt(3_000));
            }
        }
        List<BoardEntry> all = local.range(key, 0, Integer.MAX_VALUE);
        assertThat(all).hasSize((int) local.size(key));
        for (int i = 1; i < all.size(); i++) {
            BoardEntry a = all.get(i - 1);
            BoardEntry b = all.get(i);
            assertThat(a.rating() > b.rating()
                            || (a.rating() == b.rating()
                                    && a.player()
                                                    .toString()
                                                    .compareTo(b.player().toString())
                                            < 0))
                    .as("%s before %s", a, b)
                    .isTrue();
        }
        for (int i = 0; i < all.size(); i += 97) {
            assertThat(local.rank(key, all.get(i).player())).hasValue(i + 1);
            assertThat(local.countAbove(key, all.get(i).rating())).isLessThanOrEqualTo(i);
        }
    }
}
