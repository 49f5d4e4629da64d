package org.gamebackend.ranking.internal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.gamebackend.ranking.internal.rating.Glicko2.Result;
import org.junit.jupiter.api.Test;

class Glicko2Tests {

    final Glicko2 glicko = Glicko2.defaults();

    /** The paper's player: 1500, RD 200, volatility 0.06. */
    final Skill player = new Skill(1500, 200, 0.06, 10);

    static Side side(int rank, Skill... players) {
        return new Side(List.of(players), rank);
    }

    /**
     * Glickman, "Example of the Glicko-2 system" (2022): tau 0.5, the player beats 1400/30 and loses to 1550/100 and
     * 1700/300. The paper prints v = 1.7785, Δ = -0.4834, r' = 1464.06, RD' = 151.52, sigma' = 0.05999, but it rounds
     * every intermediate value to four places, so its last digit is off by up to one. We assert one unit of its last
     * printed digit, and the full-precision values that independent implementations publish: jlouis/erl-glicko2
     * (src/glicko2.erl, glicko_test: v 1.7789770897239976, Δ -0.4839332609836549, sigma' 0.059995984286488495, r'
     * 1464.0506705393013, RD' 151.51652412385727) and an OCaml one's expect test (1464.05067054, 151.516524124,
     * 0.0599959842865).
     */
    @Test
    void glickmansExample() {
        List<Result> results = List.of(new Result(1400, 30, 1), new Result(1550, 100, 0), new Result(1700, 300, 0));
        Glicko2.Estimate estimate = glicko.estimate(player, results);
        assertThat(estimate.variance()).isCloseTo(1.7785, within(0.001));
        assertThat(estimate.improvement()).isCloseTo(-0.4834, within(0.001));
        assertThat(estimate.variance()).isCloseTo(1.7789770897239976, within(1e-12));
        assertThat(estimate.improvement()).isCloseTo(-0.4839332609836549, within(1e-12));

        Skill after = glicko.update(player, results);
        assertThat(after.rating()).isCloseTo(1464.06, within(0.01));
        assertThat(after.deviation()).isCloseTo(151.52, within(0.01));
        assertThat(after.volatility()).isCloseTo(0.05999, within(0.00001));
        assertThat(after.rating()).isCloseTo(1464.0506705393013, within(1e-6));
        assertThat(after.deviation()).isCloseTo(151.51652412385727, within(1e-6));
        assertThat(after.volatility()).isCloseTo(0.059995984286488495, within(1e-9));
        assertThat(after.games()).isEqualTo(11);
    }

    /**
     * The same player winning all three: Δ² > phi² + v, the other start of the volatility iteration. Expected values
     * from the same OCaml implementation's expect test ("update_ratings_2": 1685.72145039, 151.516557043,
     * 0.0600043923961).
     */
    @Test
    void glickmansPlayerWinningEverything() {
        List<Result> results = List.of(new Result(1400, 30, 1), new Result(1550, 100, 1), new Result(1700, 300, 1));
        Glicko2.Estimate estimate = glicko.estimate(player, results);
        double phi = 200 / Glicko2.SCALE;
        assertThat(estimate.improvement() * estimate.improvement()).isGreaterThan(phi * phi + estimate.variance());

        Skill after = glicko.update(player, results);
        assertThat(after.rating()).isCloseTo(1685.72145039, within(1e-6));
        assertThat(after.deviation()).isCloseTo(151.516557043, within(1e-6));
        assertThat(after.volatility()).isCloseTo(0.0600043923961, within(1e-9));
    }

    @Test
    void withoutGamesOnlyTheDeviationGrowsUpToTheInitialOne() {
        Skill grown = glicko.update(player, List.of());
        assertThat(grown.rating()).isEqualTo(1500);
        assertThat(grown.volatility()).isEqualTo(0.06);
        assertThat(grown.games()).isEqualTo(10);
        // phi* = sqrt(phi² + sigma²) on the internal scale
        assertThat(grown.deviation()).isCloseTo(Glicko2.SCALE * Math.hypot(200 / Glicko2.SCALE, 0.06), within(1e-9));
        assertThat(glicko.idle(player)).isEqualTo(grown);

        Skill almostNew = new Skill(1500, 349.9, 0.06, 3);
        assertThat(glicko.idle(almostNew).deviation()).isEqualTo(350);
    }

    @Test
    void aDuelBetweenEqualsIsZeroSumAndShrinksBothDeviations() {
        Skill a = glicko.initial();
        List<List<Skill>> after = glicko.rate(List.of(side(1, a), side(2, a)));
        Skill winner = after.get(0).get(0);
        Skill loser = after.get(1).get(0);
        assertThat(winner.rating()).isGreaterThan(1500);
        assertThat(loser.rating()).isLessThan(1500);
        assertThat(winner.rating() - 1500 + loser.rating() - 1500).isCloseTo(0, within(1e-9));
        assertThat(winner.deviation()).isLessThan(350).isCloseTo(loser.deviation(), within(1e-9));
    }

    @Test
    void aTeamMemberIsRatedAgainstEveryOpponent() {
        Skill a = new Skill(1600, 80, 0.06, 20);
        Skill b = new Skill(1450, 120, 0.06, 20);
        Skill c = new Skill(1500, 60, 0.06, 20);
        Skill d = new Skill(1550, 200, 0.06, 20);
        List<List<Skill>> after = glicko.rate(List.of(side(1, a, b), side(2, c, d)));
        List<Result> lostToAB = List.of(new Result(1600, 80, 0), new Result(1450, 120, 0));
        assertThat(after.get(0).get(0))
                .isEqualTo(glicko.update(a, List.of(new Result(1500, 60, 1), new Result(1550, 200, 1))));
        assertThat(after.get(1)).containsExactly(glicko.update(c, lostToAB), glicko.update(d, lostToAB));
    }

    @Test
    void aTieBetweenEqualsKeepsTheRating() {
        Skill a = new Skill(1500, 100, 0.06, 20);
        List<List<Skill>> after = glicko.rate(List.of(side(1, a), side(1, a), side(1, a)));
        assertThat(after).allSatisfy(s -> assertThat(s.get(0).rating()).isCloseTo(1500, within(1e-9)));
    }
}
