package org.gamebackend.ranking.internal.rating;

import java.util.ArrayList;
import java.util.List;

/**
 * Elo with a higher K for provisional players, so a newcomer reaches their level in a few dozen games instead of a few
 * hundred.
 *
 * <p>A side plays with the mean rating of its players. With more than two sides every pair of sides counts as one game
 * (score 1, 0.5 or 0 from the ranks), and the sum of (score - expected) is divided by (sides - 1) so that a free-for-all
 * moves a rating about as far as one duel. Every player of a side gets the side's result times their own K: with equal
 * K a duel is zero-sum, a provisional player moves faster than the veterans they play.
 */
public final class Elo implements RatingSystem {

    private final double initial;
    private final double k;
    private final double provisionalK;
    private final int provisionalGames;

    public Elo(double initial, double k, double provisionalK, int provisionalGames) {
        if (!Double.isFinite(initial) || !(k > 0) || !(provisionalK > 0) || provisionalGames < 0) {
            throw new IllegalArgumentException("Elo needs a finite initial rating, K > 0 and provisional games >= 0");
        }
        this.initial = initial;
        this.k = k;
        this.provisionalK = provisionalK;
        this.provisionalGames = provisionalGames;
    }

    /** 1500, K 20, and K 40 for the first 30 games. */
    public static Elo defaults() {
        return new Elo(1500, 20, 40, 30);
    }

    /** The expected score of a player rated {@code ra} against one rated {@code rb}: logistic, 400 points = 10:1. */
    public static double expected(double ra, double rb) {
        return 1 / (1 + Math.pow(10, (rb - ra) / 400));
    }

    /** The rating after scoring {@code actual} where {@code expected} was expected. */
    public static double updated(double rating, double k, double actual, double expected) {
        return rating + k * (actual - expected);
    }

    @Override
    public String name() {
        return "elo";
    }

    @Override
    public Skill initial() {
        return new Skill(initial, 0, 0, 0);
    }

    @Override
    public List<List<Skill>> rate(List<Side> sides) {
        sides = Side.match(sides);
        double[] mean = sides.stream()
                .mapToDouble(side -> side.players().stream()
                        .mapToDouble(Skill::rating)
                        .average()
                        .orElseThrow())
                .toArray();
        int opponents = sides.size() - 1;
        List<List<Skill>> rated = new ArrayList<>(sides.size());
        for (int i = 0; i < sides.size(); i++) {
            double actual = 0;
            double expected = 0;
            for (int j = 0; j < sides.size(); j++) {
                if (j != i) {
                    actual += sides.get(i).scoreAgainst(sides.get(j));
                    expected += expected(mean[i], mean[j]);
                }
            }
            double a = actual / opponents;
            double e = expected / opponents;
            rated.add(sides.get(i).players().stream()
                    .map(p -> p.next(updated(p.rating(), kFor(p), a, e), 0, 0))
                    .toList());
        }
        return rated;
    }

    private double kFor(Skill player) {
        return player.games() < provisionalGames ? provisionalK : k;
    }
}
