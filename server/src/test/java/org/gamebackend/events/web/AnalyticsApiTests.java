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
import org.gamebackend.support.ApiTest;
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
