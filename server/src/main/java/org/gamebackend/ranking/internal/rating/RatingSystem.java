package org.gamebackend.ranking.internal.rating;

import java.util.List;

/** A way to rate players from match results. Implementations are immutable and thread-safe. */
public interface RatingSystem {

    /** "elo", "glicko2" or "openskill". */
    String name();

    /** A new player's skill. */
    Skill initial();

    /**
     * The new skill of every player of every side, in the same shape and order as the input; games + 1 each.
     *
     * @throws IllegalArgumentException with fewer than two sides
     */
    List<List<Skill>> rate(List<Side> sides);

    /**
     * One rating period without games: Glicko-2 grows the deviation (capped at the initial deviation); the others
     * have nothing that changes with time.
     */
    default Skill idle(Skill s) {
        return s;
    }

    /**
     * Season soft reset: the rating moves toward the initial one, keeping {@code carry} of its distance; a system with
     * a deviation makes it at least half the initial deviation (the new season is less certain) and at most the
     * initial one; volatility and games are kept.
     */
    default Skill softReset(Skill s, double carry) {
        if (!(carry >= 0 && carry <= 1)) {
            throw new IllegalArgumentException("carry " + carry + " is not between 0 and 1");
        }
        Skill start = initial();
        double rating = start.rating() + (s.rating() - start.rating()) * carry;
        double deviation = start.deviation() == 0
                ? s.deviation()
                : Math.min(Math.max(s.deviation(), start.deviation() * 0.5), start.deviation());
        return new Skill(rating, deviation, s.volatility(), s.games());
    }
}
