package org.gamebackend.events.internal.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gamebackend.support.Databases;
import org.gamebackend.support.OwnRabbit;
import org.gamebackend.support.Players;
import org.gamebackend.support.RunningServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The broker stops while a connected server is busy producing — clients posting analytics events, players registering
 * (domain events) — and comes back: every client event and every domain event lands in {@code analytics_events}, each
 * once. Both ways of riding out the outage: client batches written straight to the database (the default), and,
 * with that fallback off, batches refused with 503 and sent again by the client. A RabbitMQ node of the test's own
 * ({@link OwnRabbit}) is stopped and restarted; the machine's broker is not touched.
 */
class BrokerRestartTests {

    @ParameterizedTest(name = "fallback to the database: {0}")
    @ValueSource(booleans = {true, false})
    void nothingIsLostOrDoubledWhenTheBrokerRestartsMidStream(boolean fallback) throws Exception {
        String database = Databases.create();
        try (OwnRabbit rabbit = OwnRabbit.start();
                RunningServer server = RunningServer.start(
                        "DATABASE_URL=postgres://postgres@127.0.0.1:5432/" + database,
                        "JWT_SECRET=broker-restart-secret-0123456789-abcdefghij",
                        "RABBITMQ_URL=" + rabbit.url(),
                        "game.events.out.confirm-timeout=1s",
                        "game.events.out.resubmit-after=2s",
                        "game.events.ingest.confirm-timeout=1s",
                        "game.events.ingest.receive-timeout=100ms",
                        "game.events.ingest.rate-per-second=1000000",
                        "game.events.ingest.burst=1000000",
                        "game.events.ingest.fallback-to-database=" + fallback,
                        // a player registers every fifth batch: with the fallback nothing slows the producer down
                        "game.accounts.auth-per-ip.requests=100000",
                        "jobrunr.background-job-server.enabled=false")) {
            Producer producer = new Producer(server);
            Thread thread = Thread.ofPlatform().name("producer").start(producer);

            await().atMost(Duration.ofSeconds(30)).until(() -> producer.accepted.size() >= 100);
            rabbit.stop();
            int acceptedAtStop = producer.accepted.size();
            MeterRegistry meters = server.context().getBean(MeterRegistry.class);
            // the outage is felt: batches are refused (503) and sent again, or written straight to the database
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> fallback
                            ? meters.counter("events_ingest_fallback").count() >= 30
                            : producer.refused.get() >= 3);
            int registeredWhileDown = producer.players.size();
            rabbit.restart();
            await().atMost(Duration.ofSeconds(60)).until(() -> producer.accepted.size() >= acceptedAtStop + 200);
            // once the broker is back, batches go through it again: 100 events in a row accepted with no fallback
            // (the fallback only skips the broker for a second after a failure)
            double[] fellBack = {-1};
            int[] since = {0};
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                double now = meters.counter("events_ingest_fallback").count();
                if (now != fellBack[0]) {
                    fellBack[0] = now;
                    since[0] = producer.accepted.size();
                }
                return producer.accepted.size() >= since[0] + 100;
            });
            producer.stop.set(true);
            thread.join(60_000);

            assertThat(producer.unexpected.get())
                    .as("a status other than 202 or 503")
                    .isZero();
            if (!fallback) {
                assertThat(meters.counter("events_ingest_fallback").count()).isZero();
            }
            assertThat(producer.players.size()).isGreaterThan(registeredWhileDown);
            Set<String> ids = producer.accepted;
            EventsOutJobs jobs = server.context().getBean(EventsOutJobs.class);
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        jobs.resubmit(); // what the recurring job does every 30 s
                        assertThat(count(database, "source = 'client'")).isEqualTo(ids.size());
                        assertThat(count(database, "source = 'domain' and type = 'player.registered'"))
                                .isEqualTo(producer.players.size());
                    });
            assertThat(stored(database, "select id::text from analytics_events where source = 'client'"))
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(stored(
                            database,
                            "select data->>'player_id' from analytics_events where type = 'player.registered'"))
                    .containsExactlyInAnyOrderElementsOf(producer.players);
        } finally {
            Databases.drop(database);
        }
    }

    /**
     * Posts batches of 10 events back to back, each batch sent again until it is accepted (as the docs tell clients
     * to), and registers a player every fifth batch.
     */
    private static final class Producer implements Runnable {
        final RunningServer server;
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
        final Set<String> players = ConcurrentHashMap.newKeySet();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger unexpected = new AtomicInteger();

        Producer(RunningServer server) {
            this.server = server;
        }

        @Override
        public void run() {
            Players.Tokens me = Players.register(server.web(), Players.uniqueName("rs"), "password-123");
            players.add(me.playerId());
            int batches = 0;
            while (!stop.get()) {
                List<Map<String, Object>> batch = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    String id = UUID.randomUUID().toString();
                    ids.add(id);
                    batch.add(Map.of(
                            "id", id, "type", "shot.fired", "at", Instant.now().toString(), "data", Map.of()));
                }
                while (true) {
                    int status = server.web()
                            .post()
                            .uri("/api/v1/events")
                            .header("Authorization", "Bearer " + me.accessToken())
                            .bodyValue(Map.of("events", batch))
                            .exchange()
                            .returnResult(String.class)
                            .getStatus()
                            .value();
                    if (status == 202) {
                        accepted.addAll(ids);
                        break;
                    }
                    if (status != 503) { // only the broker's absence may refuse a valid batch
                        unexpected.set(status);
                        return;
                    }
                    refused.incrementAndGet();
                    sleep(100);
                }
                if (++batches % 5 == 0) {
                    players.add(Players.register(server.web(), Players.uniqueName("rs"), "password-123")
                            .playerId());
                }
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long count(String database, String where) throws SQLException {
        try (Connection c = connect(database);
                var rs = c.createStatement().executeQuery("select count(*) from analytics_events where " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> stored(String database, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(database);
                var rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
    }
}
