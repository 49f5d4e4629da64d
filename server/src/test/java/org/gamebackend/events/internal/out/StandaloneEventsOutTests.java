package org.gamebackend.events.internal.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.accounts.PlayerRegistered;
import org.gamebackend.engine.MatchCrashed;
import org.gamebackend.engine.MatchId;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.Metrics;
import org.gamebackend.support.Players;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Standalone mode has no broker: a domain event goes from the outbox straight into {@code analytics_events}. */
@ApiTest
class StandaloneEventsOutTests {

    @Autowired
    WebTestClient web;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @LocalServerPort
    int port;

    /** The ingestion side's V8 creates this table; the same definition, for as long as this branch lacks it. */
    @BeforeEach
    void analyticsTable() {
        jdbc.sql("""
                        create table if not exists analytics_events (
                            id uuid primary key,
                            type text not null,
                            source text not null,
                            player_id uuid,
                            occurred_at timestamptz not null,
                            received_at timestamptz not null default now(),
                            data jsonb not null)""").update();
    }

    @Test
    void aRegisteredPlayerBecomesOneAnalyticsRowEvenWhenTheEventComesTwice() {
        String name = Players.uniqueName("out");
        UUID player =
                UUID.fromString(Players.register(web, name, "password-123").playerId());

        await().atMost(Duration.ofSeconds(20)).until(() -> rows(player) == 1);
        assertThat(jdbc.sql("""
                        select type || ' ' || source || ' ' || (data->>'username') || ' ' || (data->>'guest')
                        from analytics_events where player_id = ?""").param(player).query(String.class).single())
                .isEqualTo("player.registered domain " + name + " false");

        // a redelivery: the same event published again, as the outbox does after a crash
        tx.executeWithoutResult(status -> events.publishEvent(new PlayerRegistered(new PlayerId(player), name, false)));
        await().atMost(Duration.ofSeconds(20)).until(() -> completedPublications(player) == 2);
        assertThat(rows(player)).isEqualTo(1);

        assertThat(Metrics.scrape(port)).containsPattern("events_published_total\\{[^}]*type=\"player.registered\"");
        assertThat(Metrics.scrape(port)).contains("events_outbox_backlog");
    }

    @Test
    void anEventPublishedOutsideATransactionGoesThroughTheOutboxToo() {
        // the engine publishes crashes from its tick workers, with no transaction open
        MatchId match = new MatchId(UUID.randomUUID());
        events.publishEvent(new MatchCrashed(match, "tictactoe", 42, "IllegalStateException: boom", true));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql(
                                        "select count(*) from analytics_events where type = 'match.crashed' and data->>'match_id' = ?")
                                .param(match.toString())
                                .query(Long.class)
                                .single()
                        == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> completedPublications(match.value()) == 1);
    }

    private long rows(UUID player) {
        return jdbc.sql("select count(*) from analytics_events where player_id = ?")
                .param(player)
                .query(Long.class)
                .single();
    }

    private long completedPublications(UUID about) {
        return jdbc.sql("""
                        select count(*) from event_publication
                        where completion_date is not null
                          and listener_id like 'org.gamebackend.events.internal.out.%'
                          and serialized_event like ?""").param("%" + about + "%").query(Long.class).single();
    }
}
