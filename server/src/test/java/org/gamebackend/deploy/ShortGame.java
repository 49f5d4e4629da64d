package org.gamebackend.deploy;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchRequest;
import org.gamebackend.engine.internal.MatchEngine;
import org.gamebackend.support.MatchmakingClient;
import org.gamebackend.support.Players;
import org.gamebackend.support.SocketClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A short scripted game through the real server, so that the meters the dashboards query exist. */
final class ShortGame {

    private ShortGame() {}

    /** Sockets, channel joins and messages; matchmaking against a bot; a ranked match to its end; client events. */
    static void play(WebTestClient web, MatchEngine engine, int port) {
        MatchmakingClient mm = new MatchmakingClient(web);
        Players.Tokens x = mm.player("dashx");
        try (SocketClient socket = SocketClient.connect(port, x.accessToken())) {
            socket.send("[\"1\",\"1\",\"user:" + x.playerId() + "\",\"phx_join\",{}]");
            socket.send("[null,\"2\",\"phoenix\",\"heartbeat\",{}]");
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                Object frame = socket.poll();
                return frame instanceof String s && s.contains("\"2\"") && s.contains("phx_reply");
            });
            String ticket = mm.queued(x, Map.of("mode", "duel-bots", "region", "eu"));
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> "matched".equals(mm.ticket(x, ticket).get("status")));
        }

        // two more players: x is seated with the bot now
        Players.Tokens a = mm.player("dasha");
        Players.Tokens b = mm.player("dashb");
        MatchId match = engine.create(new MatchRequest(
                "tictactoe",
                "tictactoe",
                List.of(
                        new MatchRequest.SeatRequest(PlayerId.parse(a.playerId()), false, 0),
                        new MatchRequest.SeatRequest(PlayerId.parse(b.playerId()), false, 1))));
        engine.connected(match, 0);
        engine.connected(match, 1);
        for (int[] m : new int[][] {{0, 0}, {1, 3}, {0, 1}, {1, 4}, {0, 2}}) {
            engine.input(match, m[0], ("{\"cell\":" + m[1] + "}").getBytes(StandardCharsets.UTF_8))
                    .join();
        }

        List<Map<String, Object>> events = Stream.of(1, 2, 3)
                .map(i -> Map.<String, Object>of(
                        "id", UUID.randomUUID().toString(),
                        "type", "level.completed",
                        "at", Instant.now().minusSeconds(5).toString(),
                        "data", Map.of("level", i)))
                .toList();
        web.post()
                .uri("/api/v1/events")
                .headers(h -> h.setBearerAuth(x.accessToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("events", events))
                .exchange()
                .expectStatus()
                .isAccepted();
        // and one bad batch (an unknown field), refused and counted
        web.post()
                .uri("/api/v1/events")
                .headers(h -> h.setBearerAuth(x.accessToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("events", events, "extra", true))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }
}
