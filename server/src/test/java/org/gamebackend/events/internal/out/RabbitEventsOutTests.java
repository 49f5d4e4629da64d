package org.gamebackend.events.internal.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gamebackend.support.Metrics;
import org.gamebackend.support.Players;
import org.gamebackend.support.RunningServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connected mode against this machine's RabbitMQ (127.0.0.1:5672) and PostgreSQL, with an exchange of its own per test
 * and a queue bound to every routing key, read by a plain client the way a consumer would.
 */
class RabbitEventsOutTests {

    static final String SECRET = "events-out-secret-0123456789-abcdefghijklmn";
    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String BROKER = "amqp://guest:guest@127.0.0.1:5672";
    static final String NO_BROKER = "amqp://guest:guest@127.0.0.1:5999";

    final JsonMapper json = JsonMapper.builder().build();
    final CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
    final RabbitAdmin admin = new RabbitAdmin(connections);
    final RabbitTemplate consumer = new RabbitTemplate(connections);
    final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final String database = "gb_events_" + suffix;
    final TopicExchange exchange = new TopicExchange("game.events.test." + suffix, true, false);
    final Queue queue = new Queue("game.events.test." + suffix, false, false, false);

    @BeforeEach
    void databaseAndQueue() throws SQLException {
        admin(s -> s.execute("create database " + database));
        // declared as the server declares it; bound before any event goes out (unbound, events stay in the outbox)
        admin.declareExchange(exchange);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with("#"));
    }

    @AfterEach
    void dropThem() throws SQLException {
        admin.deleteQueue(queue.getName());
        admin.deleteExchange(exchange.getName());
        connections.destroy();
        admin(s -> s.execute("drop database if exists " + database + " with (force)"));
    }

    @Test
    void eachEventArrivesOnceAsTheEnvelopeOfTheDocs() {
        Instant before = Instant.now();
        List<String> players = new ArrayList<>();
        try (RunningServer server = start(BROKER)) {
            for (int i = 0; i < 3; i++) {
                players.add(Players.register(server.web(), Players.uniqueName("rmq"), "password-123")
                        .playerId());
            }
            List<Message> messages = receive(3, Duration.ofSeconds(20));
            assertThat(receiveOne(Duration.ofSeconds(1))).as("nothing more").isNull();

            assertThat(messages).allSatisfy(m -> {
                var props = m.getMessageProperties();
                JsonNode body = json.readTree(m.getBody());
                assertThat(props.getContentType()).isEqualTo("application/json");
                assertThat(props.getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
                assertThat(props.getReceivedRoutingKey()).isEqualTo("player.registered");
                assertThat(props.getMessageId()).isEqualTo(body.get("id").asString());
                assertThat(body.get("type").asString()).isEqualTo("player.registered");
                assertThat(body.get("version").asInt()).isEqualTo(1);
                assertThat(Instant.parse(body.get("occurred_at").asString())).isAfterOrEqualTo(before);
                assertThat(body.get("data").get("guest").asBoolean()).isFalse();
            });
            assertThat(messages.stream()
                            .map(m -> json.readTree(m.getBody())
                                    .get("data")
                                    .get("player_id")
                                    .asString()))
                    .containsExactlyInAnyOrderElementsOf(players);
            await().atMost(Duration.ofSeconds(10)).until(() -> incomplete() == 0);
            assertThat(Metrics.scrape(port(server)))
                    .containsPattern("events_published_total\\{[^}]*type=\"player.registered\"[^}]*} 3.0")
                    .contains("events_outbox_backlog{application=\"game-backend\"} 0.0");
        }
    }

    @Test
    void eventsProducedWhileTheBrokerIsUnreachableStayInTheOutboxAndAllArriveOnceItIsBack() throws SQLException {
        int produced = 4;
        List<String> players = new ArrayList<>();
        try (RunningServer server = start(NO_BROKER)) {
            for (int i = 0; i < produced; i++) {
                players.add(Players.register(server.web(), Players.uniqueName("down"), "password-123")
                        .playerId());
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> failedAttempts() >= produced);
            assertThat(incomplete()).isEqualTo(produced);
            assertThat(Metrics.scrape(port(server)))
                    .contains("events_outbox_backlog{application=\"game-backend\"} " + produced + ".0")
                    .containsPattern("events_publish_failed_total\\{[^}]*type=\"player.registered\"");
        }
        assertThat(receiveOne(Duration.ofMillis(200))).isNull();

        // the broker is back: the next start resubmits what the outbox holds
        try (RunningServer server = start(BROKER)) {
            List<Message> messages = receive(produced, Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(10)).until(() -> incomplete() == 0);
            // the job that runs every 30 s finds nothing left to send
            server.context().getBean(EventsOutJobs.class).resubmit();
            @Nullable Message late = receiveOne(Duration.ofSeconds(1));
            if (late != null) {
                messages.add(late);
            }

            Map<String, Long> perId = messages.stream()
                    .collect(
                            Collectors.groupingBy(m -> m.getMessageProperties().getMessageId(), Collectors.counting()));
            assertThat(perId).hasSize(produced);
            assertThat(perId.values())
                    .as("exactly once per id here; consumers dedupe in general")
                    .containsOnly(1L);
            Set<String> arrived = messages.stream()
                    .map(m -> json.readTree(m.getBody())
                            .get("data")
                            .get("player_id")
                            .asString())
                    .collect(Collectors.toSet());
            assertThat(arrived).containsExactlyInAnyOrderElementsOf(players);
        }
    }

    @Test
    void anUnroutableEventStaysInTheOutboxUntilTheJobResubmitsIt() throws SQLException {
        admin.removeBinding(BindingBuilder.bind(queue).to(exchange).with("#"));
        try (RunningServer server = start(BROKER, "game.events.out.resubmit-after=2s")) {
            String player = Players.register(server.web(), Players.uniqueName("noroute"), "password-123")
                    .playerId();
            await().atMost(Duration.ofSeconds(20)).until(() -> failedAttempts() == 1);

            admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with("player.*"));
            EventsOutJobs jobs = server.context().getBean(EventsOutJobs.class);
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        jobs.resubmit();
                        return incomplete() == 0;
                    });
            Message m = receive(1, Duration.ofSeconds(5)).getFirst();
            assertThat(json.readTree(m.getBody()).get("data").get("player_id").asString())
                    .isEqualTo(player);
        }
    }

    /** JobRunr's own schedule is off: the tests call the job when they mean it to run. */
    private RunningServer start(String broker, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "DATABASE_URL=postgres://postgres@127.0.0.1:5432/" + database,
                "JWT_SECRET=" + SECRET,
                "RABBITMQ_URL=" + broker,
                "game.events.out.exchange=" + exchange.getName(),
                "game.events.out.confirm-timeout=1s",
                "jobrunr.background-job-server.enabled=false"));
        args.addAll(List.of(more));
        return RunningServer.start(args.toArray(String[]::new));
    }

    private List<Message> receive(int count, Duration within) {
        List<Message> messages = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (messages.size() < count && System.nanoTime() < deadline) {
            Message m = receiveOne(Duration.ofMillis(500));
            if (m != null) {
                messages.add(m);
            }
        }
        assertThat(messages).as("messages within " + within).hasSize(count);
        return messages;
    }

    private @Nullable Message receiveOne(Duration timeout) {
        return consumer.receive(queue.getName(), timeout.toMillis());
    }

    private long incomplete() throws SQLException {
        return count("completion_date is null");
    }

    private long failedAttempts() throws SQLException {
        return count("completion_date is null and status = 'FAILED'");
    }

    private long count(String where) throws SQLException {
        try (Connection c =
                        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
                var rs = c.createStatement()
                        .executeQuery("select count(*) from event_publication where " + where
                                + " and listener_id like 'org.gamebackend.events.internal.out.%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int port(RunningServer server) {
        return ((WebServerApplicationContext) server.context()).getWebServer().getPort();
    }

    private interface Sql {
        void run(Statement s) throws SQLException;
    }

    private static void admin(Sql sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
                Statement s = c.createStatement()) {
            sql.run(s);
        }
    }
}
