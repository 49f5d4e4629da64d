package org.gamebackend.ranking.internal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EloTests {

    final Elo elo = Elo.defaults();

    static Skill rated(double rating, int games) {
        return new Skill(rating, 0, 0, games);
    }

    static Side side(int rank, Skill... players) {
        return new Side(List.of(players), rank);
    }

    /**
     * Wikipedia, "Elo rating system", mathematical details: a player rated 1613 plays 1609, 1477, 1388, 1586 and 1720
     * and scores 2.5 (L, D, W, W, L). Expected score 2.867; with K = 32 the new rating is 1601 (1601.26).
     */
    @Test
    void wikipediaExample() {
        double expected = 0;
        for (double opponent : new double[] {1609, 1477, 1388, 1586, 1720}) {
            expected += Elo.expected(1613, opponent);
        }
        assertThat(expected).isCloseTo(2.867, within(0.0005));
        assertThat(Math.round(Elo.updated(1613, 32, 2.5, expected))).isEqualTo(1601);
    }

    @Test
    void aDuelWithEqualKIsZeroSumAndTheWinnerGoesUp() {
        Skill a = rated(1600, 50);
        Skill b = rated(1450, 50);
        List<List<Skill>> after = elo.rate(List.of(side(2, a), side(1, b)));
        double da = after.get(0).get(0).rating() - a.rating();
        double db = after.get(1).get(0).rating() - b.rating();
        assertThat(da).isNegative();
        assertThat(db).isPositive();
        assertThat(da + db).isCloseTo(0, within(1e-9));
        // the upset pays more than K/2
        assertThat(db)
                .isCloseTo(20 * (1 - Elo.expected(1450, 1600)), within(1e-9))
                .isGreaterThan(10);
    }

    @Test
    void aTieBetweenEqualsChangesNothing() {
        Skill a = rated(1500, 50);
        List<List<Skill>> after = elo.rate(List.of(side(1, a), side(1, a)));
        assertThat(after.get(0).get(0).rating()).isEqualTo(1500);
        assertThat(after.get(1).get(0).rating()).isEqualTo(1500);
    }

    @Test
    void aProvisionalPlayerMovesWithTheProvisionalK() {
        Skill newcomer = rated(1500, 29);
        Skill veteran = rated(1500, 30);
        List<List<Skill>> after = elo.rate(List.of(side(1, newcomer), side(2, veteran)));
        assertThat(after.get(0).get(0).rating()).isEqualTo(1520);
        assertThat(after.get(1).get(0).rating()).isEqualTo(1490);
    }

    @Test
    void teamsPlayWithTheirMeanRatingAndEveryMemberGetsTheSideDelta() {
        Side strong = side(2, rated(1700, 40), rated(1500, 40)); // mean 1600
        Side weak = side(1, rated(1400, 40), rated(1500, 40)); // mean 1450
        List<List<Skill>> after = elo.rate(List.of(strong, weak));
        double delta = 20 * (0 - Elo.expected(1600, 1450));
        assertThat(after.get(0).get(0).rating()).isCloseTo(1700 + delta, within(1e-9));
        assertThat(after.get(0).get(1).rating()).isCloseTo(1500 + delta, within(1e-9));
        assertThat(after.get(1).get(0).rating()).isCloseTo(1400 - delta, within(1e-9));
        assertThat(after.get(1).get(1).rating()).isCloseTo(1500 - delta, within(1e-9));
    }

    @Test
    void aFreeForAllIsEveryPairOfSidesAveragedOverTheOpponents() {
        List<Side> sides = List.of(
                side(1, rated(1500, 40)), side(2, rated(1500, 40)), side(3, rated(1500, 40)), side(4, rated(1500, 40)));
        List<List<Skill>> after = elo.rate(sides);
        // equal ratings: first scores 3 of 3 against an expected 1.5, so 20 * (1 - 0.5)
        assertThat(after)
                .extracting(s -> s.get(0).rating())
                .containsExactly(1510.0, 1500 + 20 * (2.0 / 3 - 0.5), 1500 + 20 * (1.0 / 3 - 0.5), 1490.0);
        assertThat(after.stream().mapToDouble(s -> s.get(0).rating()).sum()).isCloseTo(6000, within(1e-9));
    }

    @Test
    void eloHasNoDeviationToGrowOrReset() {
        Skill s = rated(1700, 80);
        assertThat(elo.idle(s)).isEqualTo(s);
        assertThat(elo.softReset(s, 0.5)).isEqualTo(new Skill(1600, 0, 0, 80));
    }
}
