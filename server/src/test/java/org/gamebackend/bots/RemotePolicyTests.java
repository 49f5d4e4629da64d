package org.gamebackend.bots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchRequest;
import org.gamebackend.engine.MatchSummary;
import org.gamebackend.engine.Matches;
import org.gamebackend.support.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Remote bot policies against real gRPC servers on real ports, through the whole app: decisions flow (unary and
 * stream), a server slower than the deadline leaves the match at its tick rate with the rules standing in, and a dead
 * server opens the breaker, which closes again once the server is back on the same port.
 */
class RemotePolicyTests {

    static TestPolicyServer fast;
    static TestPolicyServer slow;
    static TestPolicyServer flaky;
    static TestPolicyServer secure;
    static RunningServer app;
    static Matches matches;
    static MeterRegistry meters;

    @BeforeAll
    static void start() {
        fast = TestPolicyServer.start();
        slow = TestPolicyServer.start();
        slow.sleep(300);
        flaky = TestPolicyServer.start();
        secure = TestPolicyServer.startTls();
        app = RunningServer.start(
                "game.data-dir=target/test-data/bots-remote-" + UUID.randomUUID(),
                "game.bots.difficulty=hard", // the rule-based stand-ins play perfectly: tictactoe ends in a draw
                "game.bots.remotes.fast.target=localhost:" + fast.port(),
                "game.bots.remotes.fast.deadline=200ms",
                "game.bots.remotes.fast-stream.target=localhost:" + fast.port(),
                "game.bots.remotes.fast-stream.deadline=200ms",
                "game.bots.remotes.fast-stream.stream=true",
                "game.bots.remotes.slow.target=localhost:" + slow.port(),
                "game.bots.remotes.slow.deadline=20ms",
                "game.bots.remotes.slow.breaker.minimum-calls=100000", // stays closed: every miss is a deadline
                "game.bots.remotes.slow.breaker.window=100000",
                "game.bots.remotes.flaky.target=localhost:" + flaky.port(),
                "game.bots.remotes.flaky.deadline=200ms",
                "game.bots.remotes.flaky.breaker.window=10",
                "game.bots.remotes.flaky.breaker.minimum-calls=5",
                "game.bots.remotes.flaky.breaker.wait-open=1s",
                "game.bots.remotes.flaky.breaker.half-open-calls=2",
                "game.bots.remotes.secure.target=localhost:" + secure.port(),
                "game.bots.remotes.secure.deadline=500ms",
                "game.bots.remotes.secure.tls=true",
                "game.bots.remotes.secure.trust-certificate=" + TestPolicyServer.caFile(),
                "game.bots.remotes.secure.authority=foo.test.google.fr",
                "game.bots.modes.remote-ttt.remote=fast",
                "game.bots.modes.remote-ttt-tls.remote=secure",
                "game.bots.modes.remote-ttt-illegal.remote=fast",
                "game.bots.modes.remote-ttt-stream.remote=fast-stream",
                "game.bots.modes.slow-arena.remote=slow",
                "game.bots.modes.flaky-arena.remote=flaky");
        matches = app.context().getBean(Matches.class);
        meters = app.context().getBean(MeterRegistry.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        for (TestPolicyServer s : new TestPolicyServer[] {fast, slow, flaky, secure}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void remoteDecisionsPlayATictactoeMatchToItsEndOverUnaryCalls() {
        playsTheFirstLegalMoveToAWin("remote-ttt");
    }

    @Test
    void remoteDecisionsPlayATictactoeMatchToItsEndOverTheStream() {
        playsTheFirstLegalMoveToAWin("remote-ttt-stream");
    }

    @Test
    void remoteDecisionsOverTls() {
        long before = secure.requests();
        playsTheFirstLegalMoveToAWin("remote-ttt-tls", secure);
        assertThat(secure.requests() - before).isGreaterThanOrEqualTo(7);
    }

    @Test
    void illegalRemoteActionsAreReplacedByTheRulesAndTheMatchStillEnds() {
        double illegalBefore = count("bots.fallbacks", "tictactoe", "reason", "illegal");
        MatchId id = matches.create(new MatchRequest("tictactoe", "remote-ttt-illegal", botSeats(2)));
        MatchSummary done = await().atMost(Duration.ofSeconds(60))
                .until(() -> matches.find(id).orElseThrow(), m -> !m.status().equals("running"));
        assertThat(done.status()).isEqualTo("finished");
        // perfect rules on both sides: a draw, and every move was the rules' after an illegal answer
        assertThat(done.result()).containsEntry("reason", "draw");
        assertThat(count("bots.fallbacks", "tictactoe", "reason", "illegal") - illegalBefore)
                .isGreaterThanOrEqualTo(9);
    }

    private void playsTheFirstLegalMoveToAWin(String mode) {
        playsTheFirstLegalMoveToAWin(mode, fast);
    }

    /**
     * The test server always takes the first free cell: X 0, O 1, X 2, O 3, X 4, O 5, X 6 — X wins on the 2-4-6
     * diagonal, a game the rule-based bot (which never loses) would never play.
     */
    private void playsTheFirstLegalMoveToAWin(String mode, TestPolicyServer server) {
        double remoteBefore = count("bots.decisions", "tictactoe", "source", "remote");
        long requestsBefore = server.requests();
        MatchId id = matches.create(new MatchRequest("tictactoe", mode, botSeats(2)));
        MatchSummary done = await().atMost(Duration.ofSeconds(30))
                .until(() -> matches.find(id).orElseThrow(), m -> !m.status().equals("running"));
        assertThat(done.status()).isEqualTo("finished");
        assertThat(done.result())
                .containsEntry("winner", done.seats().get(0).player().toString())
                .containsEntry("reason", "line");
        assertThat(count("bots.decisions", "tictactoe", "source", "remote") - remoteBefore)
                .isGreaterThanOrEqualTo(7);
        assertThat(server.requests() - requestsBefore).isGreaterThanOrEqualTo(7);
    }

    @Test
    void aServerSlowerThanTheDeadlineLeavesTheRulesPlayingAtTheTickRate() {
        double missesBefore = count("bots.deadline.misses", "arena", null, null);
        double fallbacksBefore = count("bots.fallbacks", "arena", "reason", "deadline");
        double fallbackDecisionsBefore = count("bots.decisions", "arena", "source", "fallback");
        MatchId id = matches.create(new MatchRequest("arena", "slow-arena", botSeats(2)));
        try {
            long startTick = matches.find(id).orElseThrow().tick();
            long started = System.nanoTime();
            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            count("bots.decisions", "arena", "source", "fallback") - fallbackDecisionsBefore >= 20);
            await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
            long ticks = matches.find(id).orElseThrow().tick() - startTick;
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(ticks).as("ticks in %.1f s at 20 Hz", seconds).isGreaterThanOrEqualTo((long)
                    (0.8 * 20 * seconds));
            assertThat(count("bots.deadline.misses", "arena", null, null) - missesBefore)
                    .isGreaterThanOrEqualTo(10);
            assertThat(count("bots.fallbacks", "arena", "reason", "deadline") - fallbacksBefore)
                    .isGreaterThanOrEqualTo(10);
            assertThat(slow.requests()).isGreaterThanOrEqualTo(10);
        } finally {
            matches.terminate(id, "test over");
        }
    }

    @Test
    void aDeadServerOpensTheBreakerWhichClosesWhenItIsBack() {
        double rejectedBefore = count("game.bot.inputs.rejected", "arena", null, null);
        double remoteAtStart = count("bots.decisions", "arena", "source", "remote");
        MatchId id = matches.create(new MatchRequest("arena", "flaky-arena", botSeats(2)));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> flaky.requests() >= 10);
            assertThat(breakerState("flaky")).isEqualTo(0); // closed

            flaky.stop();
            double openBefore = count("bots.fallbacks", "arena", "reason", "breaker_open");
            await().atMost(Duration.ofSeconds(20)).until(() -> breakerState("flaky") == 1); // open
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> count("bots.fallbacks", "arena", "reason", "breaker_open") > openBefore);

            flaky.restart();
            long requestsAfterRestart = flaky.requests();
            await().atMost(Duration.ofSeconds(30)).until(() -> breakerState("flaky") == 0); // closed again
            double remoteBefore = count("bots.decisions", "arena", "source", "remote");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> flaky.requests() > requestsAfterRestart + 10
                            && count("bots.decisions", "arena", "source", "remote") > remoteBefore);
            // the arena accepted what the remote sent (its seq numbered by ArenaBot.fromRemote) and the rules' inputs
            double remote = count("bots.decisions", "arena", "source", "remote") - remoteAtStart;
            assertThat(count("game.bot.inputs.rejected", "arena", null, null) - rejectedBefore)
                    .as("bot inputs the arena refused, of %.0f remote decisions", remote)
                    .isLessThanOrEqualTo(remote / 10);
        } finally {
            matches.terminate(id, "test over");
        }
    }

    private static List<MatchRequest.SeatRequest> botSeats(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> new MatchRequest.SeatRequest(new PlayerId(UUID.randomUUID()), true, i))
                .toList();
    }

    private static double breakerState(String remote) {
        Gauge gauge = meters.find("bots.breaker.state").tag("remote", remote).gauge();
        assertThat(gauge).as("bots.breaker.state{remote=%s}", remote).isNotNull();
        return gauge.value();
    }

    private static double count(String name, String game, String tag, String value) {
        var search = meters.find(name).tag("game", game);
        if (tag != null) {
            search = search.tag(tag, value);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }
}
