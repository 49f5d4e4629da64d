package org.gamebackend.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** A spectator may watch live, or ask to watch with a delay: then nothing reaches it before the delay has passed. */
@ApiTest
class SpectatorDelayTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    @Test
    void aDelayedSpectatorSeesTheMoveOnlyAfterItsDelay() {
        MatchmakingClient api = new MatchmakingClient(web);
        Players.Tokens x = api.player("sp-x");
        Players.Tokens o = api.player("sp-o");
        Players.Tokens watcher = api.player("sp-w");
        Map<?, ?> invitation =
                MatchmakingClient.body(api.send(x, "POST", "/api/v1/matches", Map.of("game", "tictactoe", "seats", 2))
                        .expectStatus()
                        .isCreated());
        String match = MatchmakingClient.body(api.send(
                                o, "POST", "/api/v1/matches/join", Map.of("invite_code", invitation.get("invite_code")))
                        .expectStatus()
                        .isOk())
                .get("match_id")
                .toString();
        String topic = "match:" + match;
        try (SocketClient delayed = SocketClient.connect(port, watcher.accessToken());
                SocketClient live = SocketClient.connect(port, o.accessToken());
                SocketClient player = SocketClient.connect(port, x.accessToken())) {
            delayed.send("[\"1\",\"1\",\"" + topic + "\",\"phx_join\",{\"spectate\":true,\"delay\":3}]");
            JsonNode joined = reply(delayed);
            assertThat(joined.get("status").asString()).isEqualTo("ok");
            assertThat(joined.get("response").get("delay").asDouble()).isEqualTo(3.0);
            assertThat(joined.get("response").get("state").isNull())
                    .as("nothing live")
                    .isTrue();
            delayed.send("[\"2\",\"2\",\"" + topic + "\",\"phx_join\",{\"spectate\":true,\"delay\":\"soon\"}]");
            assertThat(reply(delayed).get("response").get("reason").asString()).isEqualTo("bad_delay");
            delayed.send("[\"3\",\"3\",\"" + topic + "\",\"phx_join\",{\"spectate\":true,\"delay\":3}]");
            assertThat(reply(delayed).get("status").asString()).isEqualTo("ok");

            live.send("[\"1\",\"1\",\"" + topic + "\",\"phx_join\",{\"spectate\":true}]");
            assertThat(reply(live).get("response").get("state").isNull()).isFalse();
            player.send("[\"1\",\"1\",\"" + topic + "\",\"phx_join\",{}]");
            assertThat(reply(player).get("status").asString()).isEqualTo("ok");
            player.send("[\"1\",\"2\",\"" + topic + "\",\"input\",{\"cell\":4}]");

            assertThat(untilMove(live, 10))
                    .as("the live spectator sees the move")
                    .isTrue();
            List<String> early = new ArrayList<>();
            for (Object frame; (frame = pollFor(delayed, 1.0)) != null; ) {
                early.add(frame.toString());
            }
            assertThat(early).as("the move, within a second of the players").noneMatch(SpectatorDelayTests::showsMove);
            assertThat(untilMove(delayed, 10))
                    .as("the delayed spectator sees it later")
                    .isTrue();
        }
    }

    private static JsonNode reply(SocketClient socket) {
        for (int i = 0; i < 20; i++) {
            JsonNode frame = JSON.readTree(socket.next());
            if (frame.get(3).asString().equals("phx_reply")) {
                return frame.get(4);
            }
        }
        throw new AssertionError("no reply");
    }

    /** Whether a state with X in the centre arrives within the time given. */
    private static boolean untilMove(SocketClient socket, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            Object frame = pollFor(socket, 0.2);
            if (frame instanceof String text && showsMove(text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean showsMove(String text) {
        JsonNode f = JSON.readTree(text);
        return f.get(3).asString().equals("state")
                && f.get(4).get("state").get("board").get(4).asString().equals("X");
    }

    private static Object pollFor(SocketClient socket, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            Object frame = socket.poll();
            if (frame != null) {
                return frame;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
