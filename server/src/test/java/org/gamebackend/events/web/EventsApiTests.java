package org.gamebackend.events.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.Metrics;
import org.gamebackend.support.Players;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /api/v1/events} in standalone mode: events written straight into {@code analytics_events} once per id,
 * every bad batch refused whole with a problem naming the event, the per-player rate enforced.
 */
@ApiTest
class EventsApiTests {

    @Autowired
    WebTestClient web;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void aBatchIsStoredOnceEvenWhenPostedTwice() {
        Players.Tokens p = Players.register(web, Players.uniqueName("ev"), "password-123");
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(event("level.completed", Instant.now().minusSeconds(60), Map.of("level", i)));
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            post(p, Map.of("events", events))
                    .expectStatus()
                    .isAccepted()
                    .expectBody()
                    .jsonPath("$.accepted")
                    .isEqualTo(3);
        }
        assertThat(stored(p)).isEqualTo(3);
        Map<String, Object> row =
                jdbc.sql("""
                        select type, source, data->>'level' as level from analytics_events
                        where id = ?::uuid""").param(events.get(2).get("id")).query().singleRow();
        assertThat(row).containsEntry("type", "level.completed").containsEntry("source", "client");
        assertThat(row.get("level")).isEqualTo("2");
        assertThat(Metrics.scrape(port)).containsPattern("events_ingested_total\\{[^}]*source=\"client\"");
    }

    @Test
    void everyKindOfBadInputIsRefusedWholeNamingTheEvent() {
        Players.Tokens p = Players.register(web, Players.uniqueName("ev"), "password-123");
        Map<String, Object> good = event("ok", Instant.now(), Map.of());
        bad(p, List.of(good, with(event("x", Instant.now(), Map.of()), "id", "not-a-uuid")), "events[1].id");
        bad(p, List.of(with(good, "extra", 1)), "events[0].extra");
        bad(p, List.of(good, good, event("x", Instant.now().minus(8, ChronoUnit.DAYS), Map.of())), "events[2].at");
        bad(p, List.of(event("x", Instant.now().plus(10, ChronoUnit.MINUTES), Map.of())), "events[0].at");
        bad(p, List.of(with(good, "at", "yesterday")), "events[0].at");
        bad(p, List.of(event("x", Instant.now(), Map.of("blob", "a".repeat(4200)))), "events[0].data");
        bad(p, List.of(with(good, "data", List.of(1, 2))), "events[0].data");
        bad(p, List.of(good, event("x", Instant.now(), Map.of("a", List.of("nul\u0000")))), "events[1].data");
        bad(p, List.of(with(good, "type", 42)), "events[0].type");
        bad(p, List.of(with(good, "type", "Bad Type!")), "events[0].type");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(event("x", Instant.now(), Map.of()));
        }
        bad(p, tooMany, "events");
        post(p, Map.of("events", List.of(good), "extra", true))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("extra");
        assertThat(stored(p)).as("nothing of a refused batch is stored").isZero();
        assertThat(Metrics.scrape(port)).containsPattern("events_rejected_total\\{[^}]*reason=\"validation_failed\"");
    }

    @Test
    void aPlayerAboveTheRateGets429() {
        Players.Tokens p = Players.register(web, Players.uniqueName("ev"), "password-123");
        int accepted = 0;
        int status = 202;
        while (status == 202 && accepted <= 1000) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                batch.add(event("spam", Instant.now(), Map.of()));
            }
            var result = post(p, Map.of("events", batch)).returnResult(String.class);
            status = result.getStatus().value();
            if (status == 202) {
                accepted += 100;
            } else {
                assertThat(status).isEqualTo(429);
                assertThat(result.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
            }
        }
        assertThat(accepted)
                .as("the burst of 500, plus what refilled meanwhile")
                .isBetween(500, 600);
        assertThat(stored(p)).isEqualTo(accepted);
    }

    private void bad(Players.Tokens p, List<Map<String, Object>> events, String field) {
        post(p, Map.of("events", events))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo(field)
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).startsWith(field + ":"));
    }

    private WebTestClient.ResponseSpec post(Players.Tokens p, Object body) {
        return web.post()
                .uri("/api/v1/events")
                .header("Authorization", "Bearer " + p.accessToken())
                .bodyValue(body)
                .exchange();
    }

    private int stored(Players.Tokens p) {
        return jdbc.sql("select count(*) from analytics_events where player_id = ?::uuid and source = 'client'")
                .param(p.playerId())
                .query(Integer.class)
                .single();
    }

    static Map<String, Object> event(String type, Instant at, Map<String, Object> data) {
        return Map.of("id", UUID.randomUUID().toString(), "type", type, "at", at.toString(), "data", data);
    }

    private static Map<String, Object> with(Map<String, Object> event, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(event);
        copy.put(key, value);
        return copy;
    }
}
