package org.gamebackend.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.internal.MatchEngine;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.MatchmakingClient;
import org.gamebackend.support.Metrics;
import org.gamebackend.support.Players;
import org.gamebackend.support.TicTacToeWins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * From a finished ranked tic-tac-toe match to the changed ratings over REST: stats, match history, the global and
 * regional leaderboards, "around me", cursors; and every bad parameter answered with problem+json.
 */
@ApiTest
class RankingApiTests {

    @Autowired
    WebTestClient web;

    @Autowired
    MatchEngine engine;

    @LocalServerPort
    int port;

    @Test
    void aFinishedRankedMatchShowsInStatsHistoryAndLeaderboards() {
        Players.Tokens x = Players.register(web, Players.uniqueName("rx"), "password-123");
        Players.Tokens o = Players.register(web, Players.uniqueName("ro"), "password-123");
        web.patch()
                .uri("/api/v1/me")
                .header("Authorization", "Bearer " + x.accessToken())
                .bodyValue(Map.of("region", "eu"))
                .exchange()
                .expectStatus()
                .isOk();
        MatchId match = TicTacToeWins.play(engine, x, o);

        await().atMost(Duration.ofSeconds(40))
                .until(() -> ((Map<?, ?>) get(x, "/api/v1/players/" + x.playerId() + "/stats")
                                .get("ratings"))
                        .containsKey("tictactoe"));
        Map<?, ?> stats = get(x, "/api/v1/players/" + x.playerId() + "/stats");
        Map<?, ?> rating = (Map<?, ?>) ((Map<?, ?>) stats.get("ratings")).get("tictactoe");
        assertThat(((Number) rating.get("rating")).doubleValue()).isGreaterThan(1500);
        assertThat(((Number) rating.get("deviation")).doubleValue()).isLessThan(350);
        assertThat(rating.get("volatility")).as("Glicko-2 has a volatility").isNotNull();
        assertThat(rating.get("games")).isEqualTo(1);
        assertThat(stats.get("wins")).isEqualTo(1);
        assertThat(stats.get("losses")).isEqualTo(0);
        Map<?, ?> loser = get(x, "/api/v1/players/" + o.playerId() + "/stats");
        assertThat(loser.get("losses")).isEqualTo(1);

        List<?> history =
                (List<?>) get(o, "/api/v1/players/" + x.playerId() + "/matches").get("matches");
        Map<?, ?> last = (Map<?, ?>) history.getFirst();
        assertThat(last.get("match_id")).isEqualTo(match.value().toString());
        assertThat(last.get("outcome")).isEqualTo("win");
        assertThat(((Number) last.get("rating_after")).doubleValue())
                .isGreaterThan(((Number) last.get("rating_before")).doubleValue());

        Map<?, ?> around = get(x, "/api/v1/leaderboards/tictactoe/around/" + x.playerId() + "?radius=2");
        List<?> entries = (List<?>) around.get("entries");
        Map<?, ?> me = entries.stream()
                .map(Map.class::cast)
                .filter(e -> x.playerId().equals(e.get("player_id")))
                .findFirst()
                .orElseThrow();
        assertThat(me.get("display_name")).isNotEqualTo("");
        long myRank = ((Number) me.get("rank")).longValue();
        Map<?, ?> eu = get(x, "/api/v1/leaderboards/tictactoe/around/" + x.playerId() + "?region=eu&radius=0");
        assertThat(((List<?>) eu.get("entries"))).hasSize(1);
        // o has no region: on the global board only
        web.get()
                .uri("/api/v1/leaderboards/tictactoe/around/" + o.playerId() + "?region=eu")
                .header("Authorization", "Bearer " + x.accessToken())
                .exchange()
                .expectStatus()
                .isNotFound();

        // walking the global board one entry at a time reaches x at its rank
        String cursor = null;
        for (long rank = 1; rank <= myRank; rank++) {
            Map<?, ?> page =
                    get(x, "/api/v1/leaderboards/tictactoe?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            Map<?, ?> entry = (Map<?, ?>) ((List<?>) page.get("entries")).getFirst();
            assertThat(((Number) entry.get("rank")).longValue()).isEqualTo(rank);
            cursor = (String) page.get("next_cursor");
            if (rank == myRank) {
                assertThat(entry.get("player_id")).isEqualTo(x.playerId());
            }
        }

        assertThat(Metrics.scrape(port)).containsPattern("jobs_success_total\\{[^}]*type=\"RatingJobs.applyWaiting\"");
    }

    @Test
    void badParametersGetProblemsAndChangeNothing() {
        Players.Tokens p = Players.register(web, Players.uniqueName("rbad"), "password-123");
        problem(p, "/api/v1/leaderboards/tictactoe?limit=0", 400, "bad_limit");
        problem(p, "/api/v1/leaderboards/tictactoe?limit=1000", 400, "bad_limit");
        problem(p, "/api/v1/leaderboards/tictactoe?region=mars", 400, "unknown_region");
        problem(p, "/api/v1/leaderboards/tictactoe?cursor=not-a-cursor", 400, "bad_cursor");
        problem(p, "/api/v1/leaderboards/tictactoe?season=9999", 404, "unknown_season");
        problem(p, "/api/v1/leaderboards/arena", 404, "unknown_mode");
        problem(p, "/api/v1/leaderboards/no-such-mode", 404, "unknown_mode");
        problem(p, "/api/v1/leaderboards/tictactoe/around/" + p.playerId(), 404, "not_ranked");
        problem(p, "/api/v1/leaderboards/tictactoe/around/" + p.playerId() + "?radius=99", 400, "bad_radius");
        problem(p, "/api/v1/players/" + java.util.UUID.randomUUID() + "/stats", 404, "not_found");
        problem(p, "/api/v1/players/" + p.playerId() + "/matches?limit=0", 400, "bad_limit");
        problem(p, "/api/v1/players/" + p.playerId() + "/matches?cursor=%25%25", 400, "bad_cursor");
        Map<?, ?> stats = get(p, "/api/v1/players/" + p.playerId() + "/stats");
        assertThat((Map<?, ?>) stats.get("ratings")).isEmpty();
        assertThat(stats.get("wins")).isEqualTo(0);
        web.get()
                .uri("/api/v1/leaderboards/tictactoe")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private Map<?, ?> get(Players.Tokens who, String path) {
        return new MatchmakingClient(web).get(who, path);
    }

    private void problem(Players.Tokens who, String path, int status, String code) {
        new MatchmakingClient(web)
                .send(who, "GET", path, null)
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(code);
    }
}
