package org.gamebackend.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchRequest;
import org.gamebackend.engine.internal.MatchEngine;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.Metrics;
import org.gamebackend.support.Players;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.CacheManager;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Standalone mode: the JVM level alone, no Redis; its hits and misses per cache are on {@code /metrics}; ended matches
 * are cached, running ones are not.
 */
@ApiTest
class CacheStandaloneTests {

    @Autowired
    WebTestClient web;

    @Autowired
    CacheManager caches;

    @Autowired
    MatchEngine engine;

    @LocalServerPort
    int port;

    @Test
    void profilesAndLeaderboardPagesAreServedFromTheJvmLevel() {
        assertThat(caches).isInstanceOf(TwoLevelCacheManager.class);
        assertThat(caches.getCacheNames()).contains("profiles", "leaderboard-pages", "match-summaries");
        Players.Tokens player = Players.register(web, Players.uniqueName("sa"), "password-123");
        double profileHits = hits("profiles");
        double pageHits = hits("leaderboard-pages");
        for (int i = 0; i < 3; i++) {
            web.get()
                    .uri("/api/v1/me")
                    .header("Authorization", "Bearer " + player.accessToken())
                    .exchange()
                    .expectStatus()
                    .isOk();
            web.get()
                    .uri("/api/v1/leaderboards/tictactoe?limit=7")
                    .header("Authorization", "Bearer " + player.accessToken())
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        assertThat(hits("profiles")).isGreaterThanOrEqualTo(profileHits + 2);
        assertThat(hits("leaderboard-pages")).isGreaterThanOrEqualTo(pageHits + 2);
        String metrics = Metrics.scrape(port);
        assertThat(metrics).contains("cache_evictions_total{").contains("cache_size{");
        assertThat(metrics).doesNotContain("level=\"redis\"").doesNotContain("cache_redis_errors_total");
    }

    @Test
    void anEndedMatchIsServedFromTheCacheButARunningOneIsNot() {
        Players.Tokens viewer = Players.register(web, Players.uniqueName("sm"), "password-123");
        MatchId id = engine.create(new MatchRequest(
                "tictactoe",
                "tictactoe",
                List.of(
                        new MatchRequest.SeatRequest(new PlayerId(UUID.randomUUID()), false, 0),
                        new MatchRequest.SeatRequest(new PlayerId(UUID.randomUUID()), false, 1))));
        double before = hits("match-summaries");
        assertThat(match(viewer, id)).isEqualTo("running");
        assertThat(match(viewer, id)).isEqualTo("running");
        assertThat(hits("match-summaries")).isEqualTo(before);

        assertThat(engine.terminate(id, "test_over")).isTrue();
        // answered from memory until its result is stored, then from the database once, then from the cache
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            double seen = hits("match-summaries");
            return match(viewer, id).equals("aborted") && hits("match-summaries") > seen;
        });
        double ended = hits("match-summaries");
        for (int i = 0; i < 3; i++) {
            assertThat(match(viewer, id)).isEqualTo("aborted");
        }
        assertThat(hits("match-summaries")).isGreaterThanOrEqualTo(ended + 3);
        // the batch lookup (GraphQL's DataLoader) reads the same cache
        double batch = hits("match-summaries");
        assertThat(engine.findAll(List.of(id)).get(id).status()).isEqualTo("aborted");
        assertThat(hits("match-summaries")).isGreaterThan(batch);
    }

    private String match(Players.Tokens viewer, MatchId id) {
        Map<?, ?> body = web.get()
                .uri("/api/v1/matches/" + id)
                .header("Authorization", "Bearer " + viewer.accessToken())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return String.valueOf(body == null ? null : body.get("status"));
    }

    private double hits(String cache) {
        return CacheNodes.meter(
                port, "cache_gets_total", "cache=\"" + cache + "\"", "level=\"local\"", "result=\"hit\"");
    }
}
