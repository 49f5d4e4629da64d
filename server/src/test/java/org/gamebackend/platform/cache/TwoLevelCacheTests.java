package org.gamebackend.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.accounts.internal.AccountService;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchSummary;
import org.gamebackend.engine.Seat;
import org.gamebackend.ranking.internal.RankingService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cached types round-trip through Redis as JSON (this machine's Redis, under a key prefix of this test's own): what
 * one node puts, another node with an empty JVM level reads back equal.
 */
class TwoLevelCacheTests {

    final JsonMapper json = CacheConfiguration.valueMapper();
    final CacheProperties.Redis settings = new CacheProperties.Redis(
            true, "gb:test:" + UUID.randomUUID() + ":cache:v1:", Duration.ofSeconds(1), Duration.ofSeconds(1));

    @Test
    void cachedTypesRoundTripThroughRedis() {
        Map<String, @Nullable Object> result = new LinkedHashMap<>();
        result.put("winner", null);
        result.put("reason", "draw");
        result.put("scores", Map.of("a", 3));
        MatchSummary match = new MatchSummary(
                MatchId.random(),
                "tictactoe",
                "tictactoe",
                "finished",
                List.of(
                        new Seat(0, new PlayerId(UUID.randomUUID()), false, 0),
                        new Seat(1, new PlayerId(UUID.randomUUID()), true, 1)),
                42,
                result,
                Instant.parse("2026-12-03T05:00:00.123456Z"),
                Instant.parse("2026-12-03T05:03:00Z"));
        RankingService.BoardView page = new RankingService.BoardView(
                "tictactoe",
                "global",
                1,
                2,
                List.of(
                        new RankingService.EntryView(1, UUID.randomUUID(), "Ann", 1512.5),
                        new RankingService.EntryView(2, UUID.randomUUID(), "", 1500)),
                null);
        AccountService.Profile profile =
                new AccountService.Profile(UUID.randomUUID(), "ann", "Ann", null, List.of("PLAYER"), false);

        assertRoundTrip(MatchSummary.class, match);
        assertRoundTrip(RankingService.BoardView.class, page);
        assertRoundTrip(AccountService.Profile.class, profile);
    }

    @Test
    void aBatchReadFindsWhatEitherLevelHolds() {
        CacheSpec spec = new CacheSpec("batch", String.class, Duration.ofMinutes(1), 10);
        try (Node writer = new Node(spec);
                Node reader = new Node(spec)) {
            writer.cache.put("a", "A");
            writer.cache.put("b", "B");
            reader.cache.put("c", "C");
            assertThat(Caches.getAll(reader.cache, List.of("a", "b", "c", "d"), String.class))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("a", "A", "b", "B", "c", "C"));
            // "a" is now in the reader's JVM level too; the writer's evict reaches it over pub/sub
            writer.cache.evict("a");
            await().atMost(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(Caches.getAll(reader.cache, List.of("a", "b"), String.class))
                            .containsOnlyKeys("b"));
        }
    }

    @Test
    void settingsOverrideAModulesDefaultsAlsoWhenSpelledAsAnEnvironmentVariable() {
        CacheSpec pages = new CacheSpec("leaderboard-pages", String.class, Duration.ofSeconds(5), 2_000);
        CacheProperties props = new CacheProperties(
                true,
                new CacheProperties.Local(true),
                settings,
                Map.of("leaderboardpages", new CacheProperties.Tuning(Duration.ofSeconds(30), null)));
        assertThat(props.apply(pages))
                .isEqualTo(new CacheSpec("leaderboard-pages", String.class, Duration.ofSeconds(30), 2_000));
        assertThat(props.apply(new CacheSpec("profiles", String.class, Duration.ofMinutes(10), 10))
                        .ttl())
                .isEqualTo(Duration.ofMinutes(10));
    }

    private <T> void assertRoundTrip(Class<T> type, T value) {
        CacheSpec spec = new CacheSpec("round-trip", type, Duration.ofMinutes(1), 10);
        try (Node writer = new Node(spec);
                Node reader = new Node(spec)) {
            writer.cache.put("k", value);
            assertThat(reader.cache.get("k", type)).isEqualTo(value);
        }
    }

    /** One node's view: its own JVM level and Redis connections. */
    private final class Node implements AutoCloseable {
        final TwoLevelCacheManager manager = new TwoLevelCacheManager(new SimpleMeterRegistry());
        final RedisLevel redis;
        final TwoLevelCache cache;

        Node(CacheSpec spec) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            redis = new RedisLevel(
                    RedisURI.create("127.0.0.1", 6379), settings, manager::received, manager::reconnected, meters);
            cache = new TwoLevelCache(spec, true, redis, settings.keyPrefix(), json, manager, meters);
            manager.start(List.of(cache), redis);
        }

        @Override
        public void close() {
            cache.clear();
            manager.destroy();
        }
    }
}
