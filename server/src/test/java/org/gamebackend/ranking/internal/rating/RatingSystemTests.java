package org.gamebackend.ranking.internal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every system promises the ranking module: shape, games, idle and soft reset, and bad input rejected. */
class RatingSystemTests {

    static Stream<RatingSystem> systems() {
        return Stream.of(Elo.defaults(), Glicko2.defaults(), OpenSkill.scaled(1500));
    }

    static Skill better(RatingSystem system, double by, int games) {
        Skill s = system.initial();
        return new Skill(s.rating() + by, s.deviation() * 0.6, s.volatility(), games);
    }

    @ParameterizedTest
    @MethodSource("systems")
    void aTwoVersusTwoKeepsItsShapeAndCountsAGameEach(RatingSystem system) {
        Skill a = system.initial();
        Skill b = better(system, 100, 7);
        List<List<Skill>> after = system.rate(List.of(new Side(List.of(a, b), 1), new Side(List.of(b, a), 2)));
        assertThat(after).hasSize(2).allSatisfy(side -> assertThat(side).hasSize(2));
        assertThat(after.get(0)).extracting(Skill::games).containsExactly(1, 8);
        assertThat(after.get(1)).extracting(Skill::games).containsExactly(8, 1);
        // the winners went up, the losers down, each seat keeping its own player
        assertThat(after.get(0).get(0).rating()).isGreaterThan(a.rating());
        assertThat(after.get(0).get(1).rating()).isGreaterThan(b.rating());
        assertThat(after.get(1).get(0).rating()).isLessThan(b.rating());
        assertThat(after.get(1).get(1).rating()).isLessThan(a.rating());
    }

    @ParameterizedTest
    @MethodSource("systems")
    void aFourSideFreeForAllOrdersTheRatingsByPlace(RatingSystem system) {
        Skill s = system.initial();
        List<Side> sides = List.of(
                new Side(List.of(s), 3), new Side(List.of(s), 1), new Side(List.of(s), 4), new Side(List.of(s), 2));
        List<List<Skill>> after = system.rate(sides);
        assertThat(after).hasSize(4).allSatisfy(side -> assertThat(side).hasSize(1));
        double first = after.get(1).get(0).rating();
        double second = after.get(3).get(0).rating();
        double third = after.get(0).get(0).rating();
        double fourth = after.get(2).get(0).rating();
        assertThat(first).isGreaterThan(second);
        assertThat(second).isGreaterThan(third);
        assertThat(third).isGreaterThan(fourth);
        assertThat(first).isGreaterThan(s.rating());
        assertThat(fourth).isLessThan(s.rating());
    }

    @ParameterizedTest
    @MethodSource("systems")
    void fewerThanTwoSidesOrAnEmptySideIsRejected(RatingSystem system) {
        Side one = new Side(List.of(system.initial()), 1);
        assertThatIllegalArgumentException().isThrownBy(() -> system.rate(List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> system.rate(List.of(one)));
        assertThatIllegalArgumentException().isThrownBy(() -> system.rate(List.of(one, new Side(List.of(), 2))));
        assertThatIllegalArgumentException().isThrownBy(() -> new Side(List.of(system.initial()), 0));
    }

    @ParameterizedTest
    @MethodSource("systems")
    void aSoftResetKeepsCarryOfTheDistanceAndReopensTheDeviation(RatingSystem system) {
        Skill start = system.initial();
        Skill veteran = new Skill(start.rating() + 400, start.deviation() * 0.2, start.volatility(), 250);
        Skill reset = system.softReset(veteran, 0.75);
        assertThat(reset.rating()).isCloseTo(start.rating() + 300, within(1e-9));
        assertThat(reset.deviation()).isCloseTo(start.deviation() * 0.5, within(1e-9));
        assertThat(reset.volatility()).isEqualTo(veteran.volatility());
        assertThat(reset.games()).isEqualTo(250);

        Skill unsure = new Skill(start.rating() - 80, start.deviation() * 0.9, start.volatility(), 4);
        assertThat(system.softReset(unsure, 0).deviation()).isEqualTo(unsure.deviation());
        assertThat(system.softReset(unsure, 0).rating()).isEqualTo(start.rating());
        assertThatIllegalArgumentException().isThrownBy(() -> system.softReset(unsure, 1.5));
    }

    @ParameterizedTest
    @MethodSource("systems")
    void idleNeverPushesTheDeviationPastANewPlayers(RatingSystem system) {
        Skill s = system.initial();
        for (int period = 0; period < 50; period++) {
            s = system.idle(s);
        }
        assertThat(s.deviation()).isEqualTo(system.initial().deviation());
        assertThat(s.rating()).isEqualTo(system.initial().rating());
    }

    @Test
    void namesAreTheOnesStoredWithSkills() {
        assertThat(systems().map(RatingSystem::name)).containsExactly("elo", "glicko2", "openskill");
    }
}
