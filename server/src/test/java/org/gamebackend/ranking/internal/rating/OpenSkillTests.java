package org.gamebackend.ranking.internal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reference values from openskill.py (github.com/vivekjoshy/openskill.py), which its own tests assert for
 * {@code PlackettLuce}:
 *
 * <ul>
 *   <li>tests/models/data/plackettluce.json at commit 061f71f61e20313435b02c14abce215bcfc054ae, checked by
 *       tests/models/weng_lin/test_plackett_luce.py: a model with mu 31.321989232514305, sigma 11.379964801443018 and
 *       the other parameters at their defaults (tau 25/300 added before rating);
 *   <li>tests/models/test_plackett_luce.py at commit d41c9636d300477e4f1d9f66e3c4decbd855ff8a, an older version whose
 *       rate had no tau unless asked: free-for-alls and uneven teams with the default model.
 * </ul>
 *
 * openskill.py checks them to a relative 1e-4 (pytest.approx); they are printed to full double precision and we match
 * them to 1e-9.
 */
class OpenSkillTests {

    static final double MU = 31.321989232514305;
    static final double SIGMA = 11.379964801443018;
    static final OpenSkill GENERATED = new OpenSkill(MU, SIGMA, 25.0 / 6, 0.0001, 25.0 / 300);
    static final OpenSkill WITHOUT_TAU = new OpenSkill(25, 25.0 / 3, 25.0 / 6, 0.0001, 0);

    static Side side(int rank, int players, Skill skill) {
        return new Side(Collections.nCopies(players, skill), rank);
    }

    static void assertRated(List<List<Skill>> rated, double[]... muSigmaPerSide) {
        assertThat(rated).hasSize(muSigmaPerSide.length);
        for (int i = 0; i < rated.size(); i++) {
            for (Skill p : rated.get(i)) {
                assertThat(p.rating()).isCloseTo(muSigmaPerSide[i][0], within(1e-9));
                assertThat(p.deviation()).isCloseTo(muSigmaPerSide[i][1], within(1e-9));
            }
        }
    }

    final Skill generated = GENERATED.initial();

    @Test
    void oneAgainstTwoWinning() { // "normal"
        assertRated(
                GENERATED.rate(List.of(side(1, 1, generated), side(2, 2, generated))),
                new double[] {36.48967347401391, 11.237778601372977},
                new double[] {26.154304991014694, 11.17822477763209});
    }

    @Test
    void oneAgainstTwoLosing() { // "ranks": [2, 1]
        assertRated(
                GENERATED.rate(List.of(side(2, 1, generated), side(1, 2, generated))),
                new double[] {30.19454401757094, 11.237778601372977},
                new double[] {32.44943444745767, 11.17822477763209});
    }

    @Test
    void threeTeamsOfOneTwoAndThree() { // "limit_sigma": ranks [2, 1, 3]; no sigma rises, so the limit changes nothing
        assertRated(
                GENERATED.rate(List.of(side(2, 1, generated), side(1, 2, generated), side(3, 3, generated))),
                new double[] {35.008962716922355, 11.322612945836939},
                new double[] {34.774820565754936, 11.291328826858104},
                new double[] {24.182184414865624, 11.192736898569162});
    }

    @Test
    void aTieForFirst() { // "ties": ranks [1, 2, 1]
        assertRated(
                GENERATED.rate(List.of(side(1, 1, generated), side(2, 2, generated), side(1, 3, generated))),
                new double[] {33.21874815457553, 11.354896725884002},
                new double[] {30.27713112192334, 11.291328826858104},
                new double[] {30.470088421044046, 11.249240904583088});
    }

    @Test
    void freeForAllsWithoutTau() {
        Skill d = WITHOUT_TAU.initial();
        assertRated(
                WITHOUT_TAU.rate(List.of(side(1, 1, d), side(2, 1, d))),
                new double[] {27.63523138347365, 8.065506316323548},
                new double[] {22.36476861652635, 8.065506316323548});
        assertRated(
                WITHOUT_TAU.rate(List.of(side(1, 1, d), side(2, 1, d), side(3, 1, d), side(4, 1, d))),
                new double[] {27.795084971874736, 8.263160757613477},
                new double[] {26.552824984374855, 8.179213704945203},
                new double[] {24.68943500312503, 8.083731307186588},
                new double[] {20.96265504062538, 8.083731307186588});
        assertRated(
                WITHOUT_TAU.rate(List.of(side(1, 3, d), side(2, 1, d), side(3, 2, d))),
                new double[] {25.939870821784513, 8.247641552260456},
                new double[] {27.21366020491262, 8.274321317985242},
                new double[] {21.84646897330287, 8.213058173195341});
    }

    @Test
    void aDuelBetweenEqualsIsZeroSumAndTheWinnerGoesUp() {
        OpenSkill openSkill = OpenSkill.defaults();
        Skill a = openSkill.initial();
        List<List<Skill>> after = openSkill.rate(List.of(side(2, 1, a), side(1, 1, a)));
        assertThat(after.get(0).get(0).rating()).isLessThan(25);
        assertThat(after.get(1).get(0).rating()).isGreaterThan(25);
        assertThat(after.get(0).get(0).rating() + after.get(1).get(0).rating()).isCloseTo(50, within(1e-9));
    }

    @Test
    void theScaleOf1500IsTheDefaultsTimesSixty() {
        OpenSkill small = OpenSkill.defaults();
        OpenSkill large = OpenSkill.scaled(1500);
        assertThat(large.initial()).isEqualTo(new Skill(1500, 500, 0, 0));
        List<Side> smallSides = List.of(
                new Side(List.of(new Skill(27, 5, 0, 9), small.initial()), 2),
                new Side(List.of(new Skill(31, 2, 0, 40)), 1),
                new Side(List.of(new Skill(20, 7, 0, 3)), 2));
        List<Side> largeSides = smallSides.stream()
                .map(s -> new Side(
                        s.players().stream()
                                .map(p -> new Skill(p.rating() * 60, p.deviation() * 60, 0, p.games()))
                                .toList(),
                        s.rank()))
                .toList();
        List<List<Skill>> expected = small.rate(smallSides);
        List<List<Skill>> actual = large.rate(largeSides);
        for (int i = 0; i < expected.size(); i++) {
            for (int j = 0; j < expected.get(i).size(); j++) {
                assertThat(actual.get(i).get(j).rating())
                        .isCloseTo(expected.get(i).get(j).rating() * 60, within(1e-9));
                assertThat(actual.get(i).get(j).deviation())
                        .isCloseTo(expected.get(i).get(j).deviation() * 60, within(1e-9));
            }
        }
    }

    @Test
    void largeCertainTeamsOnThe1500ScaleDoNotOverflow() {
        // team mu / c is about 1600 here: exp of it unshifted would be infinite and every rating NaN
        OpenSkill large = OpenSkill.scaled(1500);
        List<List<Skill>> after =
                large.rate(List.of(side(1, 200, new Skill(3000, 1, 0, 900)), side(2, 200, new Skill(2000, 1, 0, 900))));
        assertThat(after.get(0).get(0).rating()).isCloseTo(3000, within(1e-6));
        assertThat(after.get(1).get(0).rating()).isCloseTo(2000, within(1e-6));
        assertThat(after)
                .allSatisfy(s -> assertThat(s)
                        .allSatisfy(p -> assertThat(p.deviation()).isFinite().isPositive()));
    }
}
