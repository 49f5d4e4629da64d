package org.gamebackend.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gamebackend.platform.cache.CacheNodes.displayName;
import static org.gamebackend.platform.cache.CacheNodes.meter;
import static org.gamebackend.platform.cache.CacheNodes.rename;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.gamebackend.support.FreshDatabase;
import org.gamebackend.support.Players;
import org.gamebackend.support.RunningServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cache.CacheManager;

/**
 * Two connected servers on this machine's PostgreSQL and Redis: a profile cached on one is changed on the other, and
 * the first serves the change at once (its JVM copy was dropped by the pub/sub invalidation), while a change made
 * behind the cache's back (straight in the database) is not seen, which shows the reads do come from the cache.
 */
class CacheAcrossNodesTests {

    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    String prefix = "";

    @BeforeEach
    void namePrefix() {
        prefix = "gb:test:" + UUID.randomUUID() + ":cache:v1:";
    }

    @Test
    void aChangeOnOneNodeIsServedByTheOtherAtOnce() throws SQLException {
        try (RunningServer a = CacheNodes.start(database.name(), prefix);
                RunningServer b = CacheNodes.start(database.name(), prefix)) {
            assertThat(a.context().getBean(CacheManager.class).getCacheNames())
                    .contains("profiles", "leaderboard-pages", "match-summaries");
            Players.Tokens player = Players.register(a.web(), Players.uniqueName("cache"), "password-123");
            String original = displayName(b, player);
            assertThat(displayName(b, player)).isEqualTo(original);
            assertThat(meter(b, "cache_gets_total", "cache=\"profiles\"", "level=\"local\"", "result=\"hit\""))
                    .isGreaterThanOrEqualTo(1);

            // behind the cache's back: both nodes keep serving what they cached (A reads it from Redis)
            try (Connection c = database.connect();
                    var ps = c.prepareStatement("update players set display_name = 'Sneaky' where id = ?::uuid")) {
                ps.setString(1, player.playerId());
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            assertThat(displayName(b, player)).isEqualTo(original);
            assertThat(displayName(a, player)).isEqualTo(original);
            assertThat(meter(a, "cache_gets_total", "cache=\"profiles\"", "level=\"redis\"", "result=\"hit\""))
                    .isGreaterThanOrEqualTo(1);

            // through the API on A: B drops its copy when A's invalidation arrives (pub/sub, milliseconds)
            double heard = meter(b, "cache_invalidations_total", "direction=\"received\"");
            rename(a, player, "Renamed On A");
            await().atMost(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(20))
                    .untilAsserted(() -> assertThat(displayName(b, player)).isEqualTo("Renamed On A"));
            assertThat(meter(b, "cache_invalidations_total", "direction=\"received\""))
                    .isGreaterThan(heard);
            assertThat(meter(a, "cache_redis_errors_total")).isZero();
        }
    }
}
