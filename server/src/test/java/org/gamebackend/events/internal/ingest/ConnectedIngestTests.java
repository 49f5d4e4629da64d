package org.gamebackend.events.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.support.FreshDatabase;
import org.gamebackend.support.Metrics;
import org.gamebackend.support.Players;
import org.gamebackend.support.RunningServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Connected mode against this machine's PostgreSQL (fresh database) and RabbitMQ (queues named for this run): posted
 * events go through the ingest queue and land once; domain events on the exchange land with source 'domain'; a poison
 * message goes to the dead-letter queue with its reason while the rest of its batch is written.
 */
class ConnectedIngestTests {

    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    String run = "";

    @BeforeEach
    void nameTheRun() {
        run = database.name().substring("gb_test_".length());
    }

    @Test
    void eventsFromClientsAndTheExchangeLandOnceAndPoisonGoesToTheDeadLetterQueue() throws SQLException {
        String ingest = "test.ingest." + run;
        String analytics = "test.analytics." + run;
        String exchange = "test.events." + run;
        String dlq = "test.ingest.dlq." + run;
        try (RunningServer server = RunningServer.start(
                "DATABASE_URL=" + database.url(),
                "JWT_SECRET=connected-mode-secret-0123456789-abcdefghij",
                "game.events.ingest.queue=" + ingest,
                "game.events.ingest.analytics-queue=" + analytics,
                "game.events.ingest.events-exchange=" + exchange,
                "game.events.ingest.dead-letter-queue=" + dlq,
                "game.events.ingest.receive-timeout=100ms")) {
            RabbitTemplate rabbit = server.context().getBean(RabbitTemplate.class);
            AmqpAdmin admin = server.context().getBean(AmqpAdmin.class);
            try {
                Players.Tokens p = Players.register(server.web(), Players.uniqueName("ci"), "password-123");
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    batch.add(Map.of(
                            "id", UUID.randomUUID().toString(),
                            "type", "shot.fired",
                            "at", Instant.now().toString(),
                            "data", Map.of("n", i)));
                }
                for (int attempt = 0; attempt < 2; attempt++) {
                    server.web()
                            .post()
                            .uri("/api/v1/events")
                            .header("Authorization", "Bearer " + p.accessToken())
                            .bodyValue(Map.of("events", batch))
                            .exchange()
                            .expectStatus()
                            .isAccepted();
                }

                UUID valid = UUID.randomUUID();
                UUID domain = UUID.randomUUID();
                rabbit.send(ingest, new Message("{not json".getBytes(StandardCharsets.UTF_8), new MessageProperties()));
                rabbit.send(
                        ingest,
                        json("{\"id\":\"" + valid + "\",\"type\":\"after.poison\",\"occurred_at\":\"" + Instant.now()
                                + "\",\"data\":{}}"));
                UUID refused = UUID.randomUUID();
                rabbit.send(
                        ingest,
                        json("{\"id\":\"" + refused + "\",\"type\":\"nul\",\"occurred_at\":\"" + Instant.now()
                                + "\",\"data\":{\"s\":\"\\u0000\"}}"));
                rabbit.send(
                        exchange,
                        "match.finished",
                        json("{\"id\":\"" + domain + "\",\"type\":\"match.finished\",\"version\":1,\"occurred_at\":\""
                                + Instant.now() + "\",\"data\":{\"match_id\":\"m1\"}}"));

                // two consumers: the two dead letters may arrive in either order
                Map<String, String> reasons = new java.util.HashMap<>();
                for (int i = 0; i < 2; i++) {
                    Message dead = rabbit.receive(dlq, 20_000);
                    assertThat(dead)
                            .as("both the poison message and the refused one reach the dead-letter queue")
                            .isNotNull();
                    reasons.put(
                            new String(dead.getBody(), StandardCharsets.UTF_8),
                            dead.getMessageProperties().getHeader("x-reason"));
                }
                assertThat(reasons.get("{not json"))
                        .as("the poison message's reason")
                        .startsWith("not JSON");
                assertThat(reasons.entrySet())
                        .filteredOn(e -> e.getKey().contains(refused.toString()))
                        .singleElement()
                        .satisfies(e -> assertThat(e.getValue())
                                .as("a message the database refuses is dead-lettered too")
                                .startsWith("refused by the database"));
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> count("select count(*) from analytics_events") == 62);
                assertThat(count("select count(*) from analytics_events where source = 'client' and player_id = '"
                                + p.playerId() + "'"))
                        .as("each posted event once, though the batch was posted twice")
                        .isEqualTo(60);
                assertThat(count("select count(*) from analytics_events where id = '" + valid + "'"))
                        .isEqualTo(1);
                assertThat(count("select count(*) from analytics_events where source = 'domain' and id = '" + domain
                                + "' and data->>'match_id' = 'm1'"))
                        .isEqualTo(1);
                int port = ((WebServerApplicationContext) server.context())
                        .getWebServer()
                        .getPort();
                assertThat(Metrics.scrape(port))
                        .containsPattern("events_queue_depth\\{[^}]*queue=\"" + ingest.replace(".", "\\.") + "\"")
                        .containsPattern("events_dead_lettered_total\\{[^}]*\\} 2\\.0")
                        .containsPattern("events_consumed_total\\{[^}]*queue=\"" + analytics.replace(".", "\\.")
                                + "\"\\} 1\\.0");
            } finally {
                admin.deleteQueue(ingest);
                admin.deleteQueue(analytics);
                admin.deleteQueue(dlq);
                admin.deleteExchange(exchange);
            }
        }
    }

    @Test
    void withoutABrokerEventsAreWrittenStraightToTheDatabase() throws SQLException {
        try (RunningServer server = brokerless()) {
            String id = UUID.randomUUID().toString();
            post(server, id).expectStatus().isAccepted();
            assertThat(count("select count(*) from analytics_events where id = '" + id + "' and source = 'client'"))
                    .isOne();
            assertThat(server.context()
                            .getBean(MeterRegistry.class)
                            .counter("events_ingest_fallback")
                            .count())
                    .isEqualTo(1.0);
        }
    }

    @Test
    void withoutABrokerOrItsFallbackNothingIsAcceptedAndTheClientIsToldToRetry() throws SQLException {
        try (RunningServer server = brokerless("game.events.ingest.fallback-to-database=false")) {
            post(server, UUID.randomUUID().toString())
                    .expectStatus()
                    .isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("broker_unavailable");
            assertThat(count("select count(*) from analytics_events where source = 'client'"))
                    .isZero();
        }
    }

    private RunningServer brokerless(String... more) {
        List<String> settings = new ArrayList<>(List.of(
                "DATABASE_URL=" + database.url(),
                "JWT_SECRET=connected-mode-secret-0123456789-abcdefghij",
                "spring.rabbitmq.addresses=amqp://guest:guest@127.0.0.1:1"));
        settings.addAll(List.of(more));
        return RunningServer.start(settings.toArray(String[]::new));
    }

    private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(
            RunningServer server, String id) {
        Players.Tokens p = Players.register(server.web(), Players.uniqueName("nb"), "password-123");
        return server.web()
                .post()
                .uri("/api/v1/events")
                .header("Authorization", "Bearer " + p.accessToken())
                .bodyValue(Map.of(
                        "events",
                        List.of(Map.of(
                                "id",
                                id,
                                "type",
                                "shot.fired",
                                "at",
                                Instant.now().toString(),
                                "data",
                                Map.of()))))
                .exchange();
    }

    private static Message json(String body) {
        MessageProperties props = new MessageProperties();
        props.setContentType("application/json");
        return new Message(body.getBytes(StandardCharsets.UTF_8), props);
    }

    private int count(String sql) throws SQLException {
        try (Connection c = database.connect();
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
