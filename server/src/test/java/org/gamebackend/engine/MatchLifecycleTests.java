package org.gamebackend.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.internal.InputOutcome;
import org.gamebackend.engine.internal.MatchEngine;
import org.gamebackend.engine.internal.Replays;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.Players;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Matches through the engine's API against the real database: results, events, replays that re-simulate exactly. */
@ApiTest
class MatchLifecycleTests {

    @Autowired
    MatchEngine engine;

    @Autowired
    Replays replays;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebTestClient web;

    @Autowired
    MatchEventsRecorder recorder;

    @Test
    void tictactoeToAWinIsStoredWithItsReplayAndEventAndReplaysToTheSameHash() {
        PlayerId x = new PlayerId(UUID.randomUUID());
        PlayerId o = new PlayerId(UUID.randomUUID());
        MatchId id = engine.create(new MatchRequest(
                "tictactoe",
                "tictactoe",
                List.of(new MatchRequest.SeatRequest(x, false, 0), new MatchRequest.SeatRequest(o, false, 1))));
        engine.connected(id, 0);
        engine.connected(id, 1);
        assertThat(move(id, 1, 4).result()).isEqualTo(InputResult.reject("not_your_turn"));
        for (int[] m : new int[][] {{0, 0}, {1, 3}, {0, 1}, {1, 4}}) {
            assertThat(move(id, m[0], m[1]).result()).isEqualTo(InputResult.ok());
        }
        assertThat(move(id, 1, 0).result()).isEqualTo(InputResult.reject("not_your_turn"));
        assertThat(move(id, 0, 3).result()).isEqualTo(InputResult.reject("cell_taken"));
        assertThat(engine.input(id, 0, "{\"cell\":2,\"extra\":1}".getBytes(StandardCharsets.UTF_8))
                        .join()
                        .result())
                .isEqualTo(InputResult.reject("bad_input"));
        assertThat(move(id, 0, 2).result()).isEqualTo(InputResult.ok());

        MatchSummary done = awaitEnded(id);
        assertThat(done.status()).isEqualTo("finished");
        assertThat(done.result()).containsEntry("winner", x.toString()).containsEntry("reason", "line");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(recorder.finished())
                        .filteredOn(e -> e.matchId().equals(id))
                        .singleElement()
                        .satisfies(e -> assertThat(e.result()).containsEntry("winner", x.toString())));
        assertThat(jdbc.sql("select count(*) from event_publication where event_type like '%MatchFinished'"
                                + " and serialized_event like ? and listener_id like '%MatchEventsRecorder%'")
                        .param("%" + id + "%")
                        .query(Long.class)
                        .single())
                .as("the event went through the outbox (one publication per listener)")
                .isEqualTo(1);
        Replays.ReplayView replay = replays.view(id).orElseThrow();
        // 5 moves and the 3 the game refused (they reached it, so they are part of its history); the malformed one
        // never reached the game and is not in the log
        assertThat(replay.events()).filteredOn(e -> e.kind().equals("input")).hasSize(8);
        assertThat(replays.resimulate(id)).contains(replay.finalStateHash());
    }

    @Test
    void arenaReplaysToTheSameHash() {
        List<MatchRequest.SeatRequest> seats = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> new MatchRequest.SeatRequest(new PlayerId(UUID.randomUUID()), false, i))
                .toList();
        MatchId id = engine.create(new MatchRequest("arena", "arena", seats));
        for (int s = 0; s < 4; s++) {
            engine.connected(id, s);
        }
        for (int seq = 1; seq <= 30; seq++) {
            for (int s = 0; s < 4; s++) {
                double dx = Math.sin(seq + s);
                String input = "{\"seq\":%d,\"move\":[%.3f,%.3f],\"fire\":%s,\"aim\":%.3f}"
                        .formatted(seq, dx, -dx, seq % 3 == 0, s * 1.5);
                engine.input(id, s, input.getBytes(StandardCharsets.UTF_8));
            }
            sleep(20);
        }
        engine.terminate(id, "test_over");
        MatchSummary done = awaitEnded(id);
        assertThat(done.status()).isEqualTo("aborted");
        Replays.ReplayView replay = replays.view(id).orElseThrow();
        assertThat(replay.events()).filteredOn(e -> e.kind().equals("input")).hasSizeGreaterThan(60);
        assertThat(replays.resimulate(id)).contains(replay.finalStateHash());
    }

    @Test
    void matchesAndReplaysOverRest() {
        Players.Tokens alice = Players.register(web, Players.uniqueName("mx"), "password-123");
        Players.Tokens bob = Players.register(web, Players.uniqueName("mo"), "password-123");
        Map<?, ?> invite = web.post()
                .uri("/api/v1/matches")
                .headers(h -> h.setBearerAuth(alice.accessToken()))
                .bodyValue(Map.of("game", "tictactoe", "seats", 2))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(invite).isNotNull();
        Map<?, ?> joined = web.post()
                .uri("/api/v1/matches/join")
                .headers(h -> h.setBearerAuth(bob.accessToken()))
                .bodyValue(Map.of("invite_code", invite.get("invite_code")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(joined).isNotNull();
        String matchId = (String) joined.get("match_id");
        assertThat(matchId).isNotBlank();
        web.get()
                .uri("/api/v1/matches/" + matchId)
                .headers(h -> h.setBearerAuth(bob.accessToken()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("running")
                .jsonPath("$.game")
                .isEqualTo("tictactoe")
                .jsonPath("$.players[0].player_id")
                .isEqualTo(alice.playerId())
                .jsonPath("$.players[1].seat")
                .isEqualTo(1);
        web.get()
                .uri("/api/v1/matches/" + matchId + "/replay")
                .headers(h -> h.setBearerAuth(bob.accessToken()))
                .exchange()
                .expectStatus()
                .isNotFound();
        web.get()
                .uri("/api/v1/matches/not-a-uuid")
                .headers(h -> h.setBearerAuth(bob.accessToken()))
                .exchange()
                .expectStatus()
                .isBadRequest();
        web.delete()
                .uri("/api/v1/admin/matches/" + matchId)
                .headers(h -> h.setBearerAuth(bob.accessToken()))
                .exchange()
                .expectStatus()
                .isForbidden();
        Players.Tokens admin = Players.login(web, "admin", ApiTest.ADMIN_PASSWORD);
        web.get()
                .uri("/api/v1/admin/matches")
                .headers(h -> h.setBearerAuth(admin.accessToken()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.id == '" + matchId + "')]")
                .exists();
        web.delete()
                .uri("/api/v1/admin/matches/" + matchId)
                .headers(h -> h.setBearerAuth(admin.accessToken()))
                .exchange()
                .expectStatus()
                .isNoContent();
        awaitEnded(MatchId.parse(matchId));
        web.get()
                .uri("/api/v1/matches/" + matchId + "/replay")
                .headers(h -> h.setBearerAuth(bob.accessToken()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.game")
                .isEqualTo("tictactoe")
                .jsonPath("$.final_state_hash")
                .isNotEmpty();
    }

    private InputOutcome move(MatchId id, int seat, int cell) {
        return engine.input(id, seat, ("{\"cell\":" + cell + "}").getBytes(StandardCharsets.UTF_8))
                .join();
    }

    /**
     * Until the match has ended and its result is stored: {@code find} answers "ended" from memory the moment the match
     * ends, while the result, the replay and the event are written a moment later in one transaction.
     */
    private MatchSummary awaitEnded(MatchId id) {
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        engine.find(id).map(s -> !s.status().equals("running")).orElse(false)
                                && replays.view(id).isPresent());
        return engine.find(id).orElseThrow();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
