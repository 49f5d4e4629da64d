package org.gamebackend.ranking.internal.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;

/**
 * Seeded random puts, moves, removes, rebuilds and deletes against a leaderboard and the simplest model there is — a
 * map per board, sorted on every question — checking a random question after every operation and the whole board now
 * and then. The model orders by {@code UUID.toString()} itself, independently of how the adapters do it.
 */
final class RandomOperations {

    private static final Comparator<Map.Entry<PlayerId, Double>> ORDER = (a, b) -> {
        int c = Double.compare(b.getValue(), a.getValue());
        return c != 0 ? c : a.getKey().toString().compareTo(b.getKey().toString());
    };
    /** Ratings many players share, so ties are common; -0.0 must land with 0.0. */
    private static final double[] TIES = {1500, 0.0, -0.0, -3.25, 1234.5};

    private final Leaderboard boards;
    private final List<BoardKey> keys;
    private final Random random;
    private final Map<BoardKey, Map<PlayerId, Double>> model = new HashMap<>();
    private final List<PlayerId> players = new ArrayList<>();

    RandomOperations(Leaderboard boards, List<BoardKey> keys, long seed) {
        this.boards = boards;
        this.keys = keys;
        this.random = new Random(seed);
        keys.forEach(k -> model.put(k, new HashMap<>()));
    }

    void run(int operations, int playerCount) {
        for (int i = 0; i < playerCount; i++) {
            players.add(new PlayerId(new UUID(random.nextLong(), random.nextLong())));
        }
        for (int op = 1; op <= operations; op++) {
            BoardKey key = keys.get(random.nextInt(keys.size()));
            operate(key);
            ask(key);
            if (op % 250 == 0) {
                checkWhole(key);
            }
        }
        keys.forEach(this::checkWhole);
    }

    private void operate(BoardKey key) {
        Map<PlayerId, Double> board = model.get(key);
        int dice = random.nextInt(1000);
        if (dice < 600) {
            PlayerId p = anyPlayer();
            double rating = rating();
            boards.put(key, p, rating);
            board.put(p, rating + 0.0);
        } else if (dice < 900) {
            PlayerId p = anyPlayer();
            boards.remove(key, p);
            board.remove(p);
        } else if (dice < 996) {
            return; // a question only
        } else if (dice < 999) {
            List<Map.Entry<PlayerId, Double>> entries = new ArrayList<>();
            for (int n = random.nextInt(players.size()); n > 0; n--) {
                entries.add(Map.entry(anyPlayer(), rating()));
            }
            boards.replace(key, entries);
            board.clear();
            entries.forEach(e -> board.put(e.getKey(), e.getValue() + 0.0));
        } else {
            boards.delete(key);
            board.clear();
        }
    }

    private void ask(BoardKey key) {
        List<Map.Entry<PlayerId, Double>> sorted = sorted(key);
        PlayerId p = anyPlayer();
        int index = indexOf(sorted, p);
        assertThat(boards.rank(key, p).orElse(-1)).as("rank of %s", p).isEqualTo(index < 0 ? -1 : index + 1);
        Double rating = model.get(key).get(p);
        assertThat(boards.rating(key, p))
                .isEqualTo(rating == null ? OptionalDouble.empty() : OptionalDouble.of(rating));
        double bound = random.nextBoolean() ? rating() : (rating == null ? 0 : rating);
        long above = sorted.stream().filter(e -> e.getValue() > bound).count();
        assertThat(boards.countAbove(key, bound)).as("count above %s", bound).isEqualTo(above);
        assertThat(boards.size(key)).isEqualTo(sorted.size());
        int offset = random.nextInt(sorted.size() + 10) - 5;
        int limit = random.nextInt(30);
        List<BoardEntry> expected = new ArrayList<>();
        for (int i = Math.max(offset, 0); i < Math.min(offset + limit, sorted.size()); i++) {
            expected.add(
                    new BoardEntry(i + 1, sorted.get(i).getKey(), sorted.get(i).getValue()));
        }
        assertThat(boards.range(key, offset, limit))
                .as("range(%s, %s)", offset, limit)
                .isEqualTo(expected);
    }

    private void checkWhole(BoardKey key) {
        List<Map.Entry<PlayerId, Double>> sorted = sorted(key);
        List<BoardEntry> page = boards.range(key, 0, sorted.size() + 1);
        List<Map.Entry<PlayerId, Double>> actual = new ArrayList<>();
        for (BoardEntry e : page) {
            actual.add(Map.entry(e.player(), e.rating()));
        }
        assertThat(actual).containsExactlyElementsOf(sorted);
        for (int i = 0; i < sorted.size(); i += 1 + random.nextInt(20)) {
            assertThat(boards.rank(key, sorted.get(i).getKey())).hasValue(i + 1);
        }
    }

    private List<Map.Entry<PlayerId, Double>> sorted(BoardKey key) {
        return model.get(key).entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .sorted(ORDER)
                .toList();
    }

    private static int indexOf(List<Map.Entry<PlayerId, Double>> sorted, PlayerId p) {
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).getKey().equals(p)) {
                return i;
            }
        }
        return -1;
    }

    private PlayerId anyPlayer() {
        return players.get(random.nextInt(players.size()));
    }

    private double rating() {
        if (random.nextInt(3) == 0) {
            return TIES[random.nextInt(TIES.length)];
        }
        return Math.round((1500 + 300 * random.nextGaussian()) * 10) / 10.0;
    }
}
