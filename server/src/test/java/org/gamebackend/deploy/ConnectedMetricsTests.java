package org.gamebackend.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.gamebackend.support.Databases;
import org.gamebackend.support.Metrics;
import org.gamebackend.support.Players;
import org.gamebackend.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The dashboards' connected-mode metrics, for real: a connected server against this machine's PostgreSQL (a fresh
 * database) and RabbitMQ (queues named for this run) takes client events through RabbitMQ, and every metric in
 * {@link DashboardMetricsTests#CONNECTED_ONLY} must then be in its /metrics.
 */
class ConnectedMetricsTests {

    @Test
    void connectedModeExposesTheMetricsTheDashboardsExpectFromIt() throws SQLException {
        String database = Databases.create();
        String run = database.substring("gb_test_".length());
        List<String> queues = List.of("test.ingest." + run, "test.analytics." + run, "test.ingest.dlq." + run);
        try (RunningServer server = RunningServer.start(
                "DATABASE_URL=postgres://postgres@127.0.0.1:5432/" + database,
                "JWT_SECRET=connected-mode-secret-0123456789-abcdefghij",
                "game.events.ingest.queue=" + queues.get(0),
                "game.events.ingest.analytics-queue=" + queues.get(1),
                "game.events.ingest.events-exchange=test.events." + run,
                "game.events.ingest.dead-letter-queue=" + queues.get(2),
                "game.events.ingest.receive-timeout=100ms")) {
            AmqpAdmin admin = server.context().getBean(AmqpAdmin.class);
            try {
                Players.Tokens p = Players.register(server.web(), Players.uniqueName("cm"), "password-123");
                List<Map<String, Object>> events = IntStream.range(0, 5)
                        .mapToObj(i -> Map.<String, Object>of(
                                "id", UUID.randomUUID().toString(),
                                "type", "shot.fired",
                                "at", Instant.now().toString(),
                                "data", Map.of("n", i)))
                        .toList();
                server.web()
                        .post()
                        .uri("/api/v1/events")
                        .header("Authorization", "Bearer " + p.accessToken())
                        .bodyValue(Map.of("events", events))
                        .exchange()
                        .expectStatus()
                        .isAccepted();
                int port = ((WebServerApplicationContext) server.context())
                        .getWebServer()
                        .getPort();
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> {
                            String scrape = Metrics.scrape(port);
                            DashboardMetricsTests.CONNECTED_ONLY
                                    .keySet()
                                    .forEach(name -> assertThat(scrape)
                                            .as("connected mode exposes %s", name)
                                            .containsPattern("(?m)^" + name + "[{ ]"));
                        });
            } finally {
                queues.forEach(admin::deleteQueue);
                admin.deleteExchange("test.events." + run);
            }
        } finally {
            Databases.drop(database);
        }
    }
}
