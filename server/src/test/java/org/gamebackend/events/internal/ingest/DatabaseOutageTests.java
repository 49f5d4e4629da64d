package org.gamebackend.events.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.gamebackend.events.internal.ConfirmedSends;
import org.gamebackend.support.Databases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A database outage is nobody's message's fault: the batching consumer dead-letters nothing, backs off (100 ms,
 * doubling to 5 s) and throws so the batch is redelivered; once the database answers again the same batch is written
 * and the back-off starts over. Real PostgreSQL on one side, a closed port on the other.
 */
class DatabaseOutageTests {

    static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/nowhere";

    String database = "";
    final List<Long> waits = new ArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** A broker nobody listens on: any attempt to dead-letter would fail with an AMQP error, not a database one. */
    final CachingConnectionFactory noBroker = noBroker();

    @BeforeEach
    void createDatabase() throws Exception {
        database = Databases.create();
        Flyway.configure()
                .dataSource("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        noBroker.destroy();
        Databases.drop(database);
    }

    @Test
    void anUnreachableDatabaseDeadLettersNothingBacksOffAndTheBatchIsWrittenOnceItIsBack() {
        List<Message> batch = List.of(message(3), message(2));
        DelegatingDataSource database = new DelegatingDataSource(dataSource(NOWHERE));
        BatchingConsumer consumer = consumer(database);
        for (int attempt = 0; attempt < 4; attempt++) {
            Throwable thrown = catchThrowable(() -> consumer.onMessageBatch(batch));
            assertThat(thrown).isInstanceOf(DataAccessException.class);
            assertThat(BatchingConsumer.outage((DataAccessException) thrown)).isTrue();
        }
        assertThat(waits).containsExactly(100L, 200L, 400L, 800L);
        assertThat(meters.get("events_write_failures").counter().count()).isEqualTo(4);
        assertThat(meters.get("events_dead_lettered").counter().count()).isZero();

        // the database is back: the redelivered batch is written, and the back-off starts over
        database.setTargetDataSource(dataSource(live()));
        consumer.onMessageBatch(batch);
        assertThat(new JdbcTemplate(dataSource(live()))
                        .queryForObject("select count(*) from analytics_events", Long.class))
                .isEqualTo(5);
        database.setTargetDataSource(dataSource(NOWHERE));
        waits.clear();
        assertThat(catchThrowable(() -> consumer.onMessageBatch(batch))).isInstanceOf(DataAccessException.class);
        assertThat(waits).containsExactly(100L);
    }

    @Test
    void theBackOffIsCappedAtFiveSeconds() {
        BatchingConsumer consumer = consumer(dataSource(NOWHERE));
        for (int attempt = 0; attempt < 12; attempt++) {
            assertThat(catchThrowable(() -> consumer.onMessageBatch(List.of(message(1)))))
                    .isInstanceOf(DataAccessException.class);
        }
        assertThat(waits).hasSize(12).endsWith(5_000L, 5_000L, 5_000L).allMatch(w -> w <= 5_000L);
    }

    private static CachingConnectionFactory noBroker() {
        CachingConnectionFactory factory = new CachingConnectionFactory("127.0.0.1", 1);
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        factory.setPublisherReturns(true);
        return factory;
    }

    private String live() {
        return "jdbc:postgresql://127.0.0.1:5432/" + database;
    }

    private BatchingConsumer consumer(javax.sql.DataSource db) {
        IngestMetrics metrics = new IngestMetrics(meters);
        return new BatchingConsumer(
                "test.ingest",
                AnalyticsEvent.Source.CLIENT,
                new EventMessages(JsonMapper.builder().build()),
                new AnalyticsWriter(new JdbcTemplate(db), metrics),
                new ConfirmedSends(noBroker, Duration.ofSeconds(1)),
                "test.ingest.dlq",
                metrics,
                waits::add);
    }

    private static DriverManagerDataSource dataSource(String url) {
        DriverManagerDataSource ds = new DriverManagerDataSource(url, "postgres", "");
        ds.setDriverClassName("org.postgresql.Driver");
        return ds;
    }

    private static Message message(int events) {
        StringBuilder body = new StringBuilder("{\"events\":[");
        for (int i = 0; i < events; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"")
                    .append(UUID.randomUUID())
                    .append("\",\"type\":\"shot.fired\",\"occurred_at\":\"")
                    .append(Instant.now())
                    .append("\",\"data\":{}}");
        }
        body.append("]}");
        return new Message(body.toString().getBytes(StandardCharsets.UTF_8), new MessageProperties());
    }
}
