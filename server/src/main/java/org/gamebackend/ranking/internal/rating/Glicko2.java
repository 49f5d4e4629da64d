package org.gamebackend.ranking.internal.rating;

import java.util.ArrayList;
import java.util.List;

/**
 * Glicko-2 as in Glickman's "Example of the Glicko-2 system" (2022), steps 1 to 8, with every rated match as one
 * rating period.
 *
 * <p>Teams and free-for-alls: every player is rated against every player of every other side, scoring 1, 0.5 or 0 by
 * the sides' ranks (team vs team = each member against each opponent, with their own rating and deviation). This keeps
 * the paper's maths unchanged and lets a teammate's uncertainty stay their own; its cost is that a match against more
 * opponents weighs more, as it would in a tournament period with more games. Deviations never exceed a new player's.
 */
public final class Glicko2 implements RatingSystem {

    /** Glicko-2's internal scale: mu = (r - 1500) / 173.7178, phi = RD / 173.7178. */
    static final double SCALE = 173.7178;

    /** Convergence tolerance of the volatility iteration, as in the paper. */
    static final double EPSILON = 0.000001;

    /** One game of a rating period from the player's point of view: score 1 win, 0.5 draw, 0 loss. */
    public record Result(double opponentRating, double opponentDeviation, double score) {}

    /** The paper's intermediate quantities: v (estimated variance) and Δ (estimated improvement), internal scale. */
    record Estimate(double variance, double improvement) {}

    private final double initialRating;
    private final double initialDeviation;
    private final double initialVolatility;
    private final double tau;

    public Glicko2(double initialRating, double initialDeviation, double initialVolatility, double tau) {
        if (!Double.isFinite(initialRating) || !(initialDeviation > 0) || !(initialVolatility > 0) || !(tau > 0)) {
            throw new IllegalArgumentException(
                    "Glicko-2 needs a finite rating and a deviation, volatility and tau > 0");
        }
        this.initialRating = initialRating;
        this.initialDeviation = initialDeviation;
        this.initialVolatility = initialVolatility;
        this.tau = tau;
    }

    /** 1500, RD 350, volatility 0.06 and tau 0.5, the paper's suggested values. */
    public static Glicko2 defaults() {
        return new Glicko2(1500, 350, 0.06, 0.5);
    }

    @Override
    public String name() {
        return "glicko2";
    }

    @Override
    public Skill initial() {
        return new Skill(initialRating, initialDeviation, initialVolatility, 0);
    }

    @Override
    public List<List<Skill>> rate(List<Side> sides) {
        sides = Side.match(sides);
        List<List<Skill>> rated = new ArrayList<>(sides.size());
        for (int i = 0; i < sides.size(); i++) {
            Side side = sides.get(i);
            List<Result> results = new ArrayList<>();
            for (int j = 0; j < sides.size(); j++) {
                if (j != i) {
                    double score = side.scoreAgainst(sides.get(j));
                    sides.get(j).players().forEach(o -> results.add(new Result(o.rating(), o.deviation(), score)));
                }
            }
            rated.add(
                    side.players().stream().map(p -> capped(update(p, results))).toList());
        }
        return rated;
    }

    @Override
    public Skill idle(Skill s) {
        return capped(update(s, List.of()));
    }

    /**
     * One rating period (steps 2 to 8): the player's new skill from their results, games + 1 when there are any.
     * Without results only the deviation grows (phi* = sqrt(phi² + sigma²)), and games stay.
     */
    public Skill update(Skill player, List<Result> results) {
        if (!(player.deviation() > 0) || !(player.volatility() > 0)) {
            throw new IllegalArgumentException("a Glicko-2 skill needs a deviation and volatility > 0: " + player);
        }
        double mu = (player.rating() - 1500) / SCALE;
        double phi = player.deviation() / SCALE;
        double sigma = player.volatility();
        if (results.isEmpty()) {
            return new Skill(player.rating(), SCALE * Math.hypot(phi, sigma), sigma, player.games());
        }
        Estimate estimate = estimate(player, results);
        double v = estimate.variance();
        double newSigma = volatility(phi, sigma, estimate.improvement(), v);
        double phiStar = Math.hypot(phi, newSigma);
        double newPhi = 1 / Math.sqrt(1 / (phiStar * phiStar) + 1 / v);
        // step 7: mu' = mu + phi'^2 * sum(g (s - E)), and that sum is Δ / v
        double newMu = mu + newPhi * newPhi * estimate.improvement() / v;
        return player.next(SCALE * newMu + 1500, SCALE * newPhi, newSigma);
    }

    /** Steps 3 and 4. */
    Estimate estimate(Skill player, List<Result> results) {
        double mu = (player.rating() - 1500) / SCALE;
        double information = 0;
        double sum = 0;
        for (Result r : results) {
            double g = g(r.opponentDeviation() / SCALE);
            double e = 1 / (1 + Math.exp(-g * (mu - (r.opponentRating() - 1500) / SCALE)));
            information += g * g * e * (1 - e);
            sum += g * (r.score() - e);
        }
        double v = 1 / information;
        return new Estimate(v, v * sum);
    }

    private static double g(double phi) {
        return 1 / Math.sqrt(1 + 3 * phi * phi / (Math.PI * Math.PI));
    }

    /** Step 5: the new volatility, the root of f found by the Illinois algorithm. */
    private double volatility(double phi, double sigma, double delta, double v) {
        double lnSigma2 = Math.log(sigma * sigma);
        double spread = phi * phi + v;
        double a = lnSigma2;
        double b;
        if (delta * delta > spread) {
            b = Math.log(delta * delta - spread);
        } else {
            int k = 1;
            while (f(a - k * tau, lnSigma2, delta, spread) < 0) {
                k++;
            }
            b = a - k * tau;
        }
        double fa = f(a, lnSigma2, delta, spread);
        double fb = f(b, lnSigma2, delta, spread);
        while (Math.abs(b - a) > EPSILON) {
            double c = a + (a - b) * fa / (fb - fa);
            double fc = f(c, lnSigma2, delta, spread);
            if (fc * fb <= 0) {
                a = b;
                fa = fb;
            } else {
                // the Illinois step: halve the kept end's value so the bracket keeps shrinking from both sides
                fa = fa / 2;
            }
            b = c;
            fb = fc;
        }
        return Math.exp(a / 2);
    }

    /** The paper's f(x), with spread = phi² + v. */
    private double f(double x, double lnSigma2, double delta, double spread) {
        double ex = Math.exp(x);
        double d = spread + ex;
        return ex * (delta * delta - spread - ex) / (2 * d * d) - (x - lnSigma2) / (tau * tau);
    }

    private Skill capped(Skill s) {
        return s.deviation() <= initialDeviation
                ? s
                : new Skill(s.rating(), initialDeviation, s.volatility(), s.games());
    }
}
