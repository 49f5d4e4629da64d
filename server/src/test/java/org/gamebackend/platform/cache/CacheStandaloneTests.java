package org.gamebackend.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.gamebackend.support.ApiTest;
import org.gamebackend.support.Metrics;
import org.gamebackend.support.Players;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.CacheManager;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Standalone mode: the JVM level alone, no Redis; its hits and misses per cache are on {@code /metrics}. */
@ApiTest
class CacheStandaloneTests {

    @Autowired
    WebTestClient web;

    @Autowired
    CacheManager caches;

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

    private double hits(String cache) {
        double sum = 0;
        for (String line : Metrics.scrape(port).split("\n")) {
            if (line.startsWith("cache_gets_total{")
                    && line.contains("cache=\"" + cache + "\"")
                    && line.contains("level=\"local\"")
                    && line.contains("result=\"hit\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
