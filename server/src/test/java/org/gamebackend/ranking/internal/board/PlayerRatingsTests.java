package org.gamebackend.ranking.internal.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlayerRatingsTests {

    /** Growth and backward-shift removal against a HashMap; ids from a narrow range so probe runs get long. */
    @Test
    void agreesWithAHashMap() {
        Random random = new Random(5);
        PlayerRatings ratings = new PlayerRatings(0);
        Map<UUID, Double> expected = new HashMap<>();
        for (int op = 0; op < 300_000; op++) {
            UUID id = new UUID(random.nextInt(64), random.nextInt(1_000));
            long m = id.getMostSignificantBits();
            long l = id.getLeastSignificantBits();
            Double previous = expected.get(id);
            double got;
            if (random.nextInt(3) == 0) {
                got = ratings.remove(m, l);
                expected.remove(id);
            } else {
                double rating = random.nextInt(100);
                got = ratings.put(m, l, rating);
                expected.put(id, rating);
            }
            assertThat(present(got)).isEqualTo(present(previous));
            assertThat(ratings.size()).isEqualTo(expected.size());
        }
        for (int m = 0; m < 64; m++) {
            for (int l = 0; l < 1_000; l++) {
                Double rating = expected.get(new UUID(m, l));
                assertThat(present(ratings.get(m, l))).isEqualTo(present(rating));
            }
        }
    }

    /** NaN (absent) as empty, since AssertJ never finds NaN equal to NaN. */
    private static OptionalDouble present(double rating) {
        return Double.isNaN(rating) ? OptionalDouble.empty() : OptionalDouble.of(rating);
    }

    private static OptionalDouble present(Double rating) {
        return rating == null ? OptionalDouble.empty() : OptionalDouble.of(rating);
    }
}
