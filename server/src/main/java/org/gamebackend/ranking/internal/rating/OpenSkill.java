package org.gamebackend.ranking.internal.rating;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenSkill's Plackett–Luce model (Weng and Lin, "A Bayesian Approximation Method for Online Ranking", JMLR 2011,
 * algorithm 4), computed as openskill.py's {@code PlackettLuce} does, so its published test values hold here.
 *
 * <p>Choices that follow openskill.py: a team's mu and variance are the sums of its players'; before rating, tau² is
 * added to every player's variance (the "additive dynamics" that stop sigma from freezing, so a player who keeps
 * playing can still move); sigma is not limited from rising. Ties: sides with equal ranks share their place, each term
 * of that place is divided by the number of sides in it (openskill.py's A_q).
 *
 * <p>{@link Skill#rating()} is mu and {@link Skill#deviation()} is sigma; there is no volatility.
 */
public final class OpenSkill implements RatingSystem {

    private final double mu;
    private final double sigma;
    private final double beta;
    private final double kappa;
    private final double tau;

    public OpenSkill(double mu, double sigma, double beta, double kappa, double tau) {
        if (!Double.isFinite(mu) || !(sigma > 0) || !(beta > 0) || !(kappa > 0) || !(tau >= 0)) {
            throw new IllegalArgumentException("OpenSkill needs a finite mu, sigma, beta and kappa > 0 and tau >= 0");
        }
        this.mu = mu;
        this.sigma = sigma;
        this.beta = beta;
        this.kappa = kappa;
        this.tau = tau;
    }

    /** openskill.py's defaults: mu 25, sigma 25/3, beta 25/6, kappa 0.0001, tau 25/300. */
    public static OpenSkill defaults() {
        return scaled(25);
    }

    /**
     * The defaults moved to a scale whose new player is rated {@code mu}, e.g. 1500 to read like Elo and Glicko-2: mu,
     * sigma, beta and tau times mu/25, kappa times (mu/25)². Kappa only floors the factor sigma² shrinks by in one
     * match (openskill.py's max(1 - share * Delta, kappa)); at 1500 that floor is 0.36, and rated matches stay far
     * above it (about 0.72 at worst over random 2-8 side matches at the default scale), so ratings at 1500 are the
     * defaults' times 60.
     */
    public static OpenSkill scaled(double mu) {
        double f = mu / 25;
        return new OpenSkill(mu, mu / 3, mu / 6, 0.0001 * f * f, mu / 300);
    }

    @Override
    public String name() {
        return "openskill";
    }

    @Override
    public Skill initial() {
        return new Skill(mu, sigma, 0, 0);
    }

    @Override
    public List<List<Skill>> rate(List<Side> sides) {
        sides = Side.match(sides);
        int n = sides.size();
        double[] teamMu = new double[n];
        double[] teamVariance = new double[n];
        double c2 = 0;
        for (int i = 0; i < n; i++) {
            for (Skill p : sides.get(i).players()) {
                teamMu[i] += p.rating();
                teamVariance[i] += variance(p);
            }
            c2 += teamVariance[i] + beta * beta;
        }
        double c = Math.sqrt(c2);
        double[] strength = strengths(teamMu, c);
        List<List<Skill>> rated = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rated.add(rateSide(sides, i, strength, teamVariance[i], c));
        }
        return rated;
    }

    /** A player's variance as rated: with tau² added first, as openskill.py does by default. */
    private double variance(Skill p) {
        return p.deviation() * p.deviation() + tau * tau;
    }

    /**
     * exp(mu_i / c) for every team, shifted by the largest mu: only their ratios are used, and the shift keeps large
     * teams on a 1500 scale from overflowing exp.
     */
    private static double[] strengths(double[] teamMu, double c) {
        double top = Double.NEGATIVE_INFINITY;
        for (double m : teamMu) {
            top = Math.max(top, m);
        }
        double[] strength = new double[teamMu.length];
        for (int i = 0; i < teamMu.length; i++) {
            strength[i] = Math.exp((teamMu[i] - top) / c);
        }
        return strength;
    }

    /** Side i's players after the match: Omega moves mu, Delta shrinks sigma, shared by variance within the team. */
    private List<Skill> rateSide(List<Side> sides, int i, double[] strength, double variance, double c) {
        int rank = sides.get(i).rank();
        double omega = 0;
        double delta = 0;
        for (int q = 0; q < sides.size(); q++) {
            if (sides.get(q).rank() > rank) {
                continue;
            }
            // the chance that i wins among the sides not placed above q, and the size of q's place for ties
            double p = strength[i] / placedAtOrBelow(sides, q, strength);
            int shared = tiedWith(sides, q);
            delta += p * (1 - p) / shared;
            omega += ((q == i ? 1 : 0) - p) / shared;
        }
        omega *= variance / c;
        // gamma = sqrt(variance) / c, openskill.py's default
        delta *= variance / (c * c) * Math.sqrt(variance) / c;
        List<Skill> players = new ArrayList<>();
        for (Skill player : sides.get(i).players()) {
            double share = variance(player) / variance;
            double newMu = player.rating() + share * omega;
            double newSigma = Math.sqrt(variance(player)) * Math.sqrt(Math.max(1 - share * delta, kappa));
            players.add(player.next(newMu, newSigma, 0));
        }
        return players;
    }

    private static double placedAtOrBelow(List<Side> sides, int q, double[] strength) {
        double sum = 0;
        for (int s = 0; s < sides.size(); s++) {
            if (sides.get(s).rank() >= sides.get(q).rank()) {
                sum += strength[s];
            }
        }
        return sum;
    }

    private static int tiedWith(List<Side> sides, int q) {
        return (int) sides.stream().filter(s -> s.rank() == sides.get(q).rank()).count();
    }
}
