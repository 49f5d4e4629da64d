package org.gamebackend.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gamebackend.platform.cache.CacheNodes.displayName;
import static org.gamebackend.platform.cache.CacheNodes.meter;
import static org.gamebackend.platform.cache.CacheNodes.rename;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.gamebackend.support.Databases;
import org.gamebackend.support.Players;
import org.gamebackend.support.RunningServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connected server on a Redis of its own (a {@code redis-server} process on a free port, so the machine's shared
 * Redis is never touched): when that Redis is killed mid-run, reads and changes still succeed from the JVM level and
 * the database, and {@code cache_redis_errors_total} moves; when it is back, the JVM level is cleared, values are
 * written to Redis again and invalidations are heard again (Lettuce re-subscribed).
 */
class RedisOutageTests {

    String database = "";
    String prefix = "";
    int port;

    @Nullable
    Process redis;

    @BeforeEach
    void setUp() throws SQLException, IOException {
        database = Databases.create();
        prefix = "gb:test:" + UUID.randomUUID() + ":cache:v1:";
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        startRedis();
    }

    @AfterEach
    void tearDown() throws SQLException {
        stopRedis();
        Databases.drop(database);
    }

    @Test
    void requestsSucceedWhileRedisIsDownAndTheCacheRecoversWhenItIsBack() throws Exception {
        try (RunningServer server = CacheNodes.start(database, prefix, "spring.data.redis.port=" + port)) {
            Players.Tokens alice = Players.register(server.web(), Players.uniqueName("out"), "password-123");
            String original = displayName(server, alice);
            assertThat(redisCli("exists", prefix + "profiles:" + alice.playerId()))
                    .isEqualTo("1");

            stopRedis();
            long t0 = System.nanoTime();
            assertThat(displayName(server, alice)).isEqualTo(original);
            rename(server, alice, "Renamed In Outage");
            assertThat(displayName(server, alice)).isEqualTo("Renamed In Outage");
            Players.Tokens bob = Players.register(server.web(), Players.uniqueName("out"), "password-123");
            assertThat(displayName(server, bob)).startsWith("out");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
            assertThat(meter(server, "cache_redis_errors_total")).isPositive();

            startRedis();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(meter(server, "cache_local_clears_total", "reason=\"reconnect\""))
                            .isGreaterThanOrEqualTo(1));
            // the JVM level was cleared and the new Redis is empty: the next read goes to the database and to Redis
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(displayName(server, alice)).isEqualTo("Renamed In Outage");
                assertThat(redisCli("exists", prefix + "profiles:" + alice.playerId()))
                        .isEqualTo("1");
            });
            double heard = meter(server, "cache_invalidations_total", "direction=\"received\"");
            redisCli("publish", prefix + "invalidate", "e|another-node|profiles|" + alice.playerId());
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(
                            () -> assertThat(meter(server, "cache_invalidations_total", "direction=\"received\""))
                                    .isGreaterThan(heard));
        }
    }

    private void startRedis() throws IOException {
        redis = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        await().atMost(Duration.ofSeconds(10)).until(this::listening);
    }

    private void stopRedis() {
        Process p = redis;
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            redis = null;
        }
    }

    private boolean listening() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String redisCli(String... command) throws IOException, InterruptedException {
        String[] all = new String[command.length + 3];
        all[0] = "redis-cli";
        all[1] = "-p";
        all[2] = Integer.toString(port);
        System.arraycopy(command, 0, all, 3, command.length);
        Process cli = new ProcessBuilder(all).redirectErrorStream(true).start();
        String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        cli.waitFor();
        return out;
    }
}
