package org.gamebackend.ranking.internal.rating;

/**
 * A player's skill in one mode. {@code deviation} and {@code volatility} are 0 where a system has none (Elo has
 * neither). A skill only means something to the system that produced it.
 */
public record Skill(double rating, double deviation, double volatility, int games) {

    public Skill {
        if (!Double.isFinite(rating)
                || !Double.isFinite(deviation)
                || deviation < 0
                || !Double.isFinite(volatility)
                || volatility < 0
                || games < 0) {
            throw new IllegalArgumentException("not a skill: " + rating + ", " + deviation + ", " + volatility + ", "
                    + games + " (finite, deviation, volatility and games not negative)");
        }
    }

    /** This player after one more rated match. */
    Skill next(double rating, double deviation, double volatility) {
        return new Skill(rating, deviation, volatility, games + 1);
    }
}
