package org.gamebackend.games.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.gamebackend.games.arena.Field.RADIUS;

import java.time.Duration;
import java.util.Map;
import org.gamebackend.engine.InputResult;
import org.gamebackend.games.TestMatch;
import org.gamebackend.games.arena.ArenaState.Player;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ArenaTests {

    static final double EPS = 1e-6;

    TestMatch<ArenaState, ArenaInput> match = started(2, Duration.ofMinutes(3), 7);
    long[] seq = new long[8];

    static TestMatch<ArenaState, ArenaInput> started(int players, Duration length, long seed) {
        TestMatch<ArenaState, ArenaInput> match = new TestMatch<>(new Arena(length), players, seed);
        match.joinAll();
        return match;
    }

    Player p(int seat) {
        return match.state.players[seat];
    }

    void place(int seat, double x, double y) {
        p(seat).x = x;
        p(seat).y = y;
    }

    InputResult send(int seat, double dx, double dy, boolean fire, double aim) {
        return match.input(seat, new ArenaInput(++seq[seat], new double[] {dx, dy}, fire, aim));
    }

    static double distance(Player a, Player b) {
        return Math.hypot(a.x - b.x, a.y - b.y);
    }

    @Test
    void specIsRealTimeAtTwentyHertz() {
        assertThat(match.game.spec().name()).isEqualTo("arena");
        assertThat(match.game.spec().tickRate()).isEqualTo(20);
        assertThat(match.game.spec().patchRate()).isEqualTo(20);
        assertThat(match.game.spec().minSeats()).isEqualTo(2);
        assertThat(match.game.spec().maxSeats()).isEqualTo(8);
        assertThat(match.state.endTick).isEqualTo(3600);
        assertThat(match.state.shots).hasSize(2 * Arena.SHOTS_PER_PLAYER);
        assertThatIllegalArgumentException().isThrownBy(() -> new Arena(Duration.ZERO));
    }

    @Test
    void joiningSpawnsAtRandomSpotsClearOfWallsAndEachOther() {
        for (long seed = 0; seed < 200; seed++) {
            TestMatch<ArenaState, ArenaInput> full = started(8, Duration.ofMinutes(3), seed);
            Player[] players = full.state.players;
            for (int i = 0; i < players.length; i++) {
                assertThat(players[i].inPlay()).isTrue();
                assertThat(players[i].health).isEqualTo(Arena.MAX_HEALTH);
                assertThat(Field.blocked(players[i].x, players[i].y, RADIUS))
                        .as("seed %d seat %d", seed, i)
                        .isFalse();
                for (int j = 0; j < i; j++) {
                    assertThat(distance(players[i], players[j])).isGreaterThanOrEqualTo(2 * RADIUS);
                }
            }
        }
        TestMatch<ArenaState, ArenaInput> other = started(2, Duration.ofMinutes(3), 8);
        assertThat(other.state.players[0].x).as("another seed, another spot").isNotEqualTo(p(0).x);
    }

    @Test
    void aSeatIsNotOnTheFieldUntilItJoins() {
        TestMatch<ArenaState, ArenaInput> waiting = new TestMatch<>(new Arena(Duration.ofMinutes(3)), 2, 1);
        waiting.game.join(waiting.state, waiting.seat(0), waiting);
        waiting.step(100);
        assertThat(waiting.state.players[0].inPlay()).isTrue();
        assertThat(waiting.state.players[1].inPlay()).isFalse();
        assertThat(waiting.viewJson()).contains("\"alive\":false");
    }

    @Test
    void playersWalkTheHeldDirectionEveryTick() {
        place(0, 500, 1600);
        place(1, 4000, 1600);
        send(0, 1, 0, false, 0);
        match.step();
        assertThat(p(0).x).isCloseTo(530, within(EPS));
        assertThat(p(0).y).isEqualTo(1600);
        match.step(2);
        assertThat(p(0).x).as("held until the next input").isCloseTo(590, within(EPS));

        send(0, 0, -1, false, 0);
        match.step();
        assertThat(p(0).y).isCloseTo(1570, within(EPS));

        double x = p(0).x;
        double y = p(0).y;
        send(0, 1, 1, false, 0);
        match.step();
        assertThat(Math.hypot(p(0).x - x, p(0).y - y))
                .as("diagonals are no faster")
                .isCloseTo(30, within(EPS));
        assertThat(p(1).x).isEqualTo(4000);
    }

    @Test
    void wallsAndTheFieldsEdgeStopPlayers() {
        place(0, 2000, 1600); // left of the centre block, which starts at x = 2200
        send(0, 1, 0, false, 0);
        match.step(20);
        assertThat(p(0).x).isCloseTo(2200 - RADIUS, within(EPS));
        assertThat(p(0).y).isEqualTo(1600);

        place(1, 200, 200);
        send(1, -1, -1, false, 0);
        match.step(20);
        assertThat(p(1).x).isCloseTo(RADIUS, within(EPS));
        assertThat(p(1).y).isCloseTo(RADIUS, within(EPS));
    }

    @Test
    void aPlayerPushedIntoAWallIsPutBackOutside() {
        place(0, 2300, 1650); // inside the centre block: what a push between players could do near a wall
        match.step();
        assertThat(Field.blocked(p(0).x, p(0).y, RADIUS - EPS)).isFalse();
        assertThat(p(0).x).isCloseTo(2200 - RADIUS, within(EPS));
    }

    @Test
    void playersDoNotOverlapAndPushEachOther() {
        place(0, 400, 1600);
        place(1, 600, 1600);
        send(0, 1, 0, false, 0);
        for (int t = 0; t < 20; t++) {
            match.step();
            assertThat(distance(p(0), p(1))).isGreaterThanOrEqualTo(2 * RADIUS - EPS);
        }
        assertThat(p(1).x).as("pushed along").isGreaterThan(600);
        assertThat(p(1).y).isCloseTo(1600, within(EPS));
    }

    @Test
    void aShotDamagesThePlayerOnItsPathOnceEvenWhenTheTriggerIsReleasedWithinTheTick() {
        place(0, 200, 1600);
        place(1, 800, 1600);
        send(0, 0, 0, true, 0);
        send(0, 0, 0, false, 0);
        match.step();
        assertThat(match.state.shotCount).isEqualTo(1);
        match.step(10);
        assertThat(p(1).health).isEqualTo(Arena.MAX_HEALTH - Arena.DAMAGE);
        assertThat(p(0).health).isEqualTo(Arena.MAX_HEALTH);
        assertThat(match.state.shotCount).as("the shot is spent").isZero();
        assertThat(p(0).score).isZero();
    }

    @Test
    void holdingTheTriggerFiresOncePerCooldownFromABoundedPool() {
        place(0, 200, 200);
        place(1, 4000, 3000);
        send(0, 0, 0, true, 0);
        match.step(20); // fires at ticks 1, 6, 11, 16; the first expires at 25
        assertThat(match.state.shotCount).isEqualTo(4);
        for (int t = 0; t < 200; t++) {
            match.step();
            assertThat(match.state.shotCount).isBetween(1, Arena.SHOTS_PER_PLAYER);
        }
        assertThat(match.state.shots).hasSize(2 * Arena.SHOTS_PER_PLAYER);
    }

    @Test
    void wallsStopShots() {
        place(0, 1900, 1600);
        place(1, 2900, 1600); // behind the centre block
        send(0, 0, 0, true, 0);
        match.step(100);
        assertThat(p(1).health).isEqualTo(Arena.MAX_HEALTH);
    }

    @Test
    void fourHitsKillAndTheDeadRespawnAfterTheDelay() {
        place(0, 200, 1600);
        place(1, 800, 1600);
        send(0, 0, 0, true, 0);
        long killedAt = -1;
        for (int t = 0; t < 100 && killedAt < 0; t++) {
            match.step();
            if (p(1).health == 0) {
                killedAt = match.tick();
            }
        }
        assertThat(killedAt).isPositive();
        send(0, 0, 0, false, 0);
        assertThat(p(1).inPlay()).isFalse();
        assertThat(p(1).deaths).isEqualTo(1);
        assertThat(p(0).score).isEqualTo(1);
        assertThat(match.broadcasts)
                .singleElement()
                .satisfies(m -> assertThat(m.event()).isEqualTo("kill"))
                .satisfies(
                        m -> assertThat(m.payload()).isEqualTo(Map.of("killer", match.id(0), "victim", match.id(1))));

        send(1, 1, 0, true, 0);
        double deadX = p(1).x;
        match.setTick(killedAt + 59);
        match.game.tick(match.state, match);
        assertThat(p(1).inPlay()).as("3 s at 20 Hz is 60 ticks").isFalse();
        assertThat(p(1).x).as("the dead do not walk").isEqualTo(deadX);
        assertThat(match.state.shotCount).as("nor shoot").isZero();

        match.step();
        assertThat(p(1).inPlay()).isTrue();
        assertThat(p(1).health).isEqualTo(Arena.MAX_HEALTH);
        assertThat(Field.blocked(p(1).x, p(1).y, RADIUS)).isFalse();
    }

    @Test
    void theHighestScoreWinsWhenTimeRunsOut() {
        match = started(3, Duration.ofSeconds(10), 3);
        p(0).score = 2;
        p(1).score = 5;
        p(2).score = 1;
        match.step(199);
        assertThat(match.result()).isNull();
        match.step();
        assertThat(match.result())
                .containsEntry("winner", match.id(1))
                .containsEntry("scores", Map.of(match.id(0), 2, match.id(1), 5, match.id(2), 1))
                .containsEntry("reason", "time");
        match.step(10);
        assertThat(match.ends).as("ends once").hasSize(1);
        assertThat(send(0, 1, 0, false, 0)).isEqualTo(InputResult.reject("not_playing"));
    }

    @Test
    void aTieForFirstHasNoWinner() {
        match = started(3, Duration.ofSeconds(1), 3);
        p(0).score = 4;
        p(1).score = 1;
        p(2).score = 4;
        match.step(20);
        assertThat(match.result()).containsEntry("reason", "time").containsKey("winner");
        assertThat(match.result().get("winner")).isNull();
    }

    @Test
    void aLeaverCannotWinAndTheLastPlayerLeftWins() {
        match = started(3, Duration.ofMinutes(3), 3);
        p(0).score = 9;
        match.game.leave(match.state, match.seat(0), match);
        assertThat(match.result()).isNull();
        assertThat(p(0).inPlay()).isFalse();
        match.step(5);
        match.game.leave(match.state, match.seat(1), match);
        assertThat(match.result())
                .containsEntry("winner", match.id(2))
                .containsEntry("scores", Map.of(match.id(0), 9, match.id(1), 0, match.id(2), 0))
                .containsEntry("reason", "forfeit");
    }

    @Test
    void aDroppedPlayerStopsButStaysOnTheField() {
        place(0, 500, 1600);
        send(0, 1, 0, true, 0);
        match.step();
        match.game.drop(match.state, match.seat(0), match);
        double x = p(0).x;
        int shots = match.state.shotCount;
        match.step(10);
        assertThat(p(0).x).isEqualTo(x);
        assertThat(p(0).inPlay()).isTrue();
        assertThat(match.state.shotCount).isLessThanOrEqualTo(shots);
        match.game.rejoin(match.state, match.seat(0), match);
        assertThat(send(0, 1, 0, false, 0)).isEqualTo(InputResult.ok());
    }

    @Test
    void lastSeqIsTheLastInputAppliedAndReachesTheView() {
        assertThat(match.input(0, new ArenaInput(1, new double[] {0, 0}, false, 0)))
                .isEqualTo(InputResult.ok());
        assertThat(match.input(0, new ArenaInput(2, new double[] {0, 0}, false, 0)))
                .isEqualTo(InputResult.ok());
        assertThat(match.input(0, new ArenaInput(7, new double[] {0, 0}, false, 0)))
                .as("gaps are fine: inputs may be dropped on the way")
                .isEqualTo(InputResult.ok());
        assertThat(p(0).lastSeq).isEqualTo(7);
        assertThat(p(1).lastSeq).isZero();
        JsonNode view = TestMatch.JSON.readTree(match.viewJson());
        assertThat(view.get("players").get(0).get("last_seq").asLong()).isEqualTo(7);
    }

    @Test
    void everyBadInputIsRefusedAndChangesNothing() {
        send(0, 0.5, 0, false, 1);
        String before = match.stateJson();
        long last = p(0).lastSeq;
        double inf = Double.POSITIVE_INFINITY;
        double[][] badMoves = {
            {Double.NaN, 0},
            {0, Double.NaN},
            {inf, 0},
            {0, -inf},
            {1e308, 0},
            {-Double.MAX_VALUE, 0},
            {1.0000001, 0},
            {0, -1.5},
            {0},
            {0, 0, 0},
            {}
        };
        for (double[] move : badMoves) {
            assertThat(match.input(0, new ArenaInput(last + 1, move, true, 0)))
                    .as("move %s", java.util.Arrays.toString(move))
                    .isEqualTo(InputResult.reject("bad_move"));
        }
        assertThat(match.input(0, new ArenaInput(last + 1, null, true, 0))).isEqualTo(InputResult.reject("bad_move"));
        for (double aim : new double[] {Double.NaN, inf, -inf, 1e300, 7, -7}) {
            assertThat(match.input(0, new ArenaInput(last + 1, new double[] {1, 1}, true, aim)))
                    .as("aim %s", aim)
                    .isEqualTo(InputResult.reject("bad_aim"));
        }
        for (long bad : new long[] {0, -1, Long.MIN_VALUE}) {
            assertThat(match.input(0, new ArenaInput(bad, new double[] {1, 1}, true, 0)))
                    .isEqualTo(InputResult.reject("bad_seq"));
        }
        for (long stale : new long[] {last, last - 1 > 0 ? last - 1 : 1}) {
            assertThat(match.input(0, new ArenaInput(stale, new double[] {1, 1}, true, 0)))
                    .isEqualTo(InputResult.reject("stale_seq"));
        }
        assertThat(match.stateJson()).isEqualTo(before);
        assertThat(match.input(0, new ArenaInput(last + 1, new double[] {-1, 1}, false, -2 * Math.PI)))
                .as("the bounds themselves are fine")
                .isEqualTo(InputResult.ok());
    }

    @Test
    void theViewShowsPlayersAndFlyingShotsOnly() {
        place(0, 200, 1600);
        place(1, 3000, 200);
        send(0, 0, 0, true, 0);
        match.step();
        JsonNode view = TestMatch.JSON.readTree(match.viewJson());
        assertThat(view.propertyNames()).containsExactlyInAnyOrder("tick", "end_tick", "players", "shots");
        assertThat(view.get("players").get(0).propertyNames())
                .containsExactlyInAnyOrder("id", "x", "y", "aim", "health", "score", "last_seq", "alive");
        assertThat(view.get("players").get(1).get("id").asString()).isEqualTo(match.id(1));
        assertThat(view.get("players").get(1).get("health").asInt()).isEqualTo(100);
        assertThat(view.get("shots")).hasSize(1);
        assertThat(view.get("shots").get(0).get("vx").asInt()).isEqualTo(2000);
        assertThat(view.get("tick").asLong()).isEqualTo(1);
    }

    /** The view's components, written by reflection: what {@link ArenaView} gave before it wrote itself. */
    record ReflectiveView(long tick, long endTick, ArenaView.PlayerView[] players, ArenaView.ShotView[] shots) {}

    @Test
    void theViewWritesItselfExactlyAsReflectionWouldWriteItsComponents() {
        match = started(3, Duration.ofMinutes(3), 11);
        place(0, 200, 1600);
        place(1, 3000, 200);
        p(2).left = true; // gone: not alive
        send(0, 0.5, -0.5, true, 1.234);
        send(1, -1, 0, true, -2.718);
        match.step(3);
        ArenaView view = ArenaView.of(match.state);
        assertThat(view.shots()).hasSizeGreaterThan(1);
        assertThat(view.players()).extracting(ArenaView.PlayerView::alive).contains(true, false);

        String reflective = TestMatch.JSON.writeValueAsString(
                new ReflectiveView(view.tick(), view.endTick(), view.players(), view.shots()));
        assertThat(TestMatch.JSON.writeValueAsString(view)).isEqualTo(reflective);
    }

    @Test
    void numbersAreWrittenAsTheJdkWritesThem() {
        long[] longs = {0, 7, -7, 10, 4750, -4750, 72_000, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE};
        for (long v : longs) {
            assertThat(new ArenaView.Text().number(v).toString()).isEqualTo(Long.toString(v));
        }
        // aims are in hundredths: the fast path, checked against Double.toString across and beyond their range
        for (long h = -2_000; h <= 2_000; h++) {
            assertThat(new ArenaView.Text().decimal(h / 100.0).toString()).isEqualTo(Double.toString(h / 100.0));
        }
        double[] others = {999_999_999 / 100.0, -999_999_999 / 100.0, 1e7, 1.0e-5, 0.125, Math.PI, -0.0, 1e300};
        for (double v : others) {
            assertThat(new ArenaView.Text().decimal(v).toString()).isEqualTo(Double.toString(v));
        }
    }

    @Test
    void anIdThatNeedsEscapingIsEscapedAsJacksonWould() {
        String odd = "a\"b\\c\nd\u0001é";
        assertThat(new ArenaView.Text().string(odd).toString()).isEqualTo(TestMatch.JSON.writeValueAsString(odd));
        String uuid = match.id(0);
        assertThat(new ArenaView.Text().string(uuid).toString()).isEqualTo(TestMatch.JSON.writeValueAsString(uuid));
    }
}
