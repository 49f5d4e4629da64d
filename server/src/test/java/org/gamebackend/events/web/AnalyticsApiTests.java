package org.gamebackend.events.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchFinished;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchResult;
import org.gamebackend.engine.Seat;
import org.gamebackend.matchmaking.MatchMade;
import org.gamebackend.matchmaking.TicketId;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.MatchmakingClient;
import org.gamebackend.support.Players;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Operator analytics from the events that reach {@code analytics_events}: active players, matches per mode per hour. */
@ApiTest
class AnalyticsApiTests {

    @Autowired
    WebTestClient web;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void matchesPerModeAndActivePlayersShowForAdminsOnly() {
        String mode = "analytics-" + UUID.randomUUID().toString().substring(0, 8);
        Instant ended = Instant.now();
        MatchFinished match = new MatchFinished(
                new MatchId(UUID.randomUUID()),
                "tictactoe",
                mode,
                List.of(
                        new Seat(0, new PlayerId(UUID.randomUUID()), false, 0),
                        new Seat(1, new PlayerId(UUID.randomUUID()), false, 1)),
                MatchResult.FINISHED,
                Map.of("reason", "draw"),
                ended.minusSeconds(90),
                ended);
        tx.executeWithoutResult(s -> events.publishEvent(match));
        Players.Tokens admin = Players.login(web, "admin", ApiTest.ADMIN_PASSWORD);
        Players.Tokens player = Players.register(web, Players.uniqueName("an"), "password-123");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<?> hours = get(admin, "/api/v1/admin/analytics/matches?hours=2");
            Map<?, ?> row = hours.stream()
                    .map(Map.class::cast)
                    .filter(r -> mode.equals(r.get("mode")))
                    .findFirst()
                    .orElseThrow();
            assertThat(row.get("matches")).isEqualTo(1);
            assertThat(((Number) row.get("average_length_seconds")).doubleValue())
                    .isCloseTo(90, org.assertj.core.data.Offset.offset(0.01));
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<?> days = get(admin, "/api/v1/admin/analytics/active-players?days=1");
            assertThat(days).singleElement().satisfies(d -> {
                assertThat(((Map<?, ?>) d).get("day"))
                        .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
                assertThat(((Number) ((Map<?, ?>) d).get("players")).longValue())
                        .isPositive();
            });
        });

        web.get()
                .uri("/api/v1/admin/analytics/matches")
                .header("Authorization", "Bearer " + player.accessToken())
                .exchange()
                .expectStatus()
                .isForbidden();
        web.get()
                .uri("/api/v1/admin/analytics/active-players?days=0")
                .header("Authorization", "Bearer " + admin.accessToken())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("days");
    }

    @Test
    void queueWaitPercentilesPerModeComeFromTheMatchesMade() {
        String mode = "waits-" + UUID.randomUUID().toString().substring(0, 8);
        MatchId match = new MatchId(UUID.randomUUID());
        List<TicketId> two = List.of(TicketId.random(), TicketId.random());
        List<TicketId> three = List.of(TicketId.random(), TicketId.random(), TicketId.random());
        tx.executeWithoutResult(s -> {
            events.publishEvent(new MatchMade(match, mode, "eu", two, 10, 0, 0, List.of(1_000L, 3_000L)));
            events.publishEvent(new MatchMade(
                    new MatchId(UUID.randomUUID()), mode, "eu", three, 10, 0, 0, List.of(2_000L, 4_000L, 10_000L)));
        });
        Players.Tokens admin = Players.login(web, "admin", ApiTest.ADMIN_PASSWORD);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<?, ?> row = get(admin, "/api/v1/admin/analytics/queue-waits?hours=1").stream()
                    .map(Map.class::cast)
                    .filter(r -> mode.equals(r.get("mode")))
                    .findFirst()
                    .orElseThrow();
            // waits 1, 2, 3, 4, 10 s: continuous percentiles as PostgreSQL's percentile_cont computes them
            assertThat(row.get("tickets")).isEqualTo(5);
            assertThat(((Number) row.get("p50_seconds")).doubleValue()).isEqualTo(3.0);
            assertThat(((Number) row.get("p90_seconds")).doubleValue())
                    .isCloseTo(7.6, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(((Number) row.get("p99_seconds")).doubleValue())
                    .isCloseTo(9.76, org.assertj.core.data.Offset.offset(1e-9));
        });
        web.get()
                .uri("/api/v1/admin/analytics/queue-waits?hours=1000")
                .header("Authorization", "Bearer " + admin.accessToken())
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    /** A real ticket through matchmaking: queued, then matched with a bot, then the match starts — three events. */
    @Test
    void aQueuedTicketAndTheMatchItStartsAreEvents() {
        MatchmakingClient mm = new MatchmakingClient(web);
        Players.Tokens player = mm.player("evq");
        String ticket = mm.queued(player, Map.of("mode", "duel-bots", "region", "eu"));
        await().atMost(Duration.ofSeconds(20)).until(() -> rows("ticket.queued", "ticket_id", ticket) == 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> mm.ticket(player, ticket).get("match_id") != null);
        String match = String.valueOf(mm.ticket(player, ticket).get("match_id"));
        await().atMost(Duration.ofSeconds(20)).until(() -> rows("match.started", "match_id", match) == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> rows("match.made", "match_id", match) == 1);
        assertThat(jdbc.sql("select jsonb_array_length(data->'waits_ms') from analytics_events"
                                + " where type = 'match.made' and data->>'match_id' = ?")
                        .param(match)
                        .query(Integer.class)
                        .single())
                .as("one wait per player ticket; the bot had none")
                .isEqualTo(1);
        assertThat(jdbc.sql("select data->'seats'->1->>'bot' from analytics_events"
                                + " where type = 'match.started' and data->>'match_id' = ?")
                        .param(match)
                        .query(String.class)
                        .single())
                .isIn("true", "false");
    }

    private long rows(String type, String field, String value) {
        return jdbc.sql("select count(*) from analytics_events where type = ? and data->>? = ?")
                .params(type, field, value)
                .query(Long.class)
                .single();
    }

    private List<?> get(Players.Tokens who, String path) {
        List<?> body = web.get()
                .uri(path)
                .header("Authorization", "Bearer " + who.accessToken())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).isNotNull();
        return body;
    }
}
