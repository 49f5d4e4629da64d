package org.gamebackend.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.internal.MatchEngine;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.MatchmakingClient;
import org.gamebackend.support.Players;
import org.gamebackend.support.SocketClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A player forfeits an arena match but keeps the socket; a backfill gives the seat to a newcomer. The old player's
 * channel is closed and can no longer play the seat, and its going away does not drop the newcomer.
 */
@ApiTest
class SeatChangeTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;

    @Autowired
    MatchEngine engine;

    @LocalServerPort
    int port;

    @Test
    void aPlayerWhoseSeatWasRefilledCannotPlayItAnyMore() {
        MatchmakingClient mm = new MatchmakingClient(web);
        Players.Tokens a = mm.player("sc-a");
        Players.Tokens b = mm.player("sc-b");
        Players.Tokens c = mm.player("sc-c");
        MatchId match = engine.create(new MatchRequest("arena", "arena", List.of(seat(a, 0), seat(b, 1), seat(c, 2))));
        engine.connected(match, 0);
        engine.connected(match, 2);
        String topic = "match:" + match;
        try (SocketClient leaver = SocketClient.connect(port, b.accessToken())) {
            leaver.send(frame("1", "1", topic, "phx_join", "{}"));
            assertThat(reply(leaver, "1").at("/response/seat").asInt()).isEqualTo(1);
            leaver.send(frame("1", "2", topic, "forfeit", "{}"));
            assertThat(reply(leaver, "2").get("status").asString()).isEqualTo("ok");

            Players.Tokens newcomer = mm.player("sc-new");
            String ticket = mm.queued(newcomer, Map.of("mode", "arena", "region", "eu"));
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(mm.ticket(newcomer, ticket).get("status"))
                            .isEqualTo("matched"));
            assertThat(closed(leaver, topic))
                    .as("the old player's channel is closed")
                    .isTrue();
            leaver.send(frame("1", "3", topic, "input", "{\"seq\":1,\"move\":[1,0],\"fire\":false,\"aim\":0}"));
            assertThat(reply(leaver, "3").get("status").asString())
                    .as("no input for a seat that is someone else's")
                    .isEqualTo("error");

            try (SocketClient taker = SocketClient.connect(port, newcomer.accessToken())) {
                taker.send(frame("1", "1", topic, "phx_join", "{}"));
                assertThat(reply(taker, "1").at("/response/seat").asInt()).isEqualTo(1);
                leaver.close(); // the old player's socket goes: that must not drop the newcomer
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> engine.find(match)
                                .orElseThrow()
                                .seats()
                                .get(1)
                                .player()
                                .toString()
                                .equals(newcomer.playerId()));
                taker.send(frame("1", "2", topic, "input", "{\"seq\":1,\"move\":[1,0],\"fire\":false,\"aim\":0}"));
                JsonNode played = reply(taker, "2");
                assertThat(played.get("status").asString())
                        .as(played.toString())
                        .isEqualTo("ok");
                assertThat(engine.live(match)).isPresent();
                assertThat(engine.holds(match, 1, PlayerId.parse(newcomer.playerId())))
                        .isTrue();
            }
        } finally {
            engine.terminate(match, "test over");
        }
    }

    private static MatchRequest.SeatRequest seat(Players.Tokens player, int team) {
        return new MatchRequest.SeatRequest(PlayerId.parse(player.playerId()), false, team);
    }

    private static String frame(String joinRef, String ref, String topic, String event, String payload) {
        return "[\"" + joinRef + "\",\"" + ref + "\",\"" + topic + "\",\"" + event + "\"," + payload + "]";
    }

    /** Whether a {@code phx_close} for the topic arrives (skipping patches and other frames). */
    private static boolean closed(SocketClient socket, String topic) {
        for (int i = 0; i < 400; i++) {
            JsonNode frame = JSON.readTree(socket.next());
            if (frame.get(3).asString().equals("phx_close")
                    && frame.get(2).asString().equals(topic)) {
                return true;
            }
        }
        return false;
    }

    /** The payload of the reply to {@code ref}, skipping other frames. */
    private static JsonNode reply(SocketClient socket, String ref) {
        for (int i = 0; i < 400; i++) {
            JsonNode frame = JSON.readTree(socket.next());
            if (frame.get(3).asString().equals("phx_reply")
                    && ref.equals(frame.get(1).asString())) {
                return frame.get(4);
            }
        }
        throw new AssertionError("no reply to " + ref);
    }
}
