package org.gamebackend.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.Players;
import org.gamebackend.support.SocketClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Four Java WebSocket clients play arena: inputs are acknowledged with a tick and show up as last_seq in patches. */
@ApiTest
class ArenaSocketTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    @Test
    void fourPlayersMoveAndSeeTheirInputsApplied() {
        List<Players.Tokens> players = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            players.add(Players.register(web, Players.uniqueName("arena"), "password-123"));
        }
        String code = (String) body(post(players.getFirst(), "/api/v1/matches", Map.of("game", "arena", "seats", 4)))
                .get("invite_code");
        String matchId = null;
        for (Players.Tokens p : players.subList(1, 4)) {
            Object id = body(post(p, "/api/v1/matches/join", Map.of("invite_code", code)))
                    .get("match_id");
            matchId = id == null ? null : id.toString();
        }
        assertThat(matchId).as("the match starts when the fourth seat is taken").isNotNull();
        String topic = "match:" + matchId;

        List<SocketClient> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                SocketClient socket = SocketClient.connect(port, players.get(i).accessToken());
                sockets.add(socket);
                socket.send("[\"1\",\"1\",\"" + topic + "\",\"phx_join\",{}]");
                JsonNode reply = untilEvent(socket, "phx_reply");
                assertThat(reply.get(4).get("status").asString()).isEqualTo("ok");
                assertThat(reply.get(4).get("response").get("seat").asInt()).isEqualTo(i);
            }
            for (int seq = 1; seq <= 5; seq++) {
                for (int i = 0; i < 4; i++) {
                    sockets.get(i)
                            .send("[\"1\",\"%d\",\"%s\",\"input\",{\"seq\":%d,\"move\":[1,0],\"fire\":false,\"aim\":0}]"
                                    .formatted(100 + seq, topic, seq));
                }
            }
            for (int i = 0; i < 4; i++) {
                SocketClient socket = sockets.get(i);
                String me = players.get(i).playerId();
                // replies ok {tick} for every input, and a patch where this player's last_seq is 5
                int acks = 0;
                boolean applied = false;
                while (acks < 5 || !applied) {
                    JsonNode frame = JSON.readTree(socket.next());
                    String event = frame.get(3).asString();
                    if (event.equals("phx_reply") && frame.get(1).asString().startsWith("10")) {
                        assertThat(frame.get(4).get("status").asString()).isEqualTo("ok");
                        assertThat(frame.get(4).get("response").get("tick").asLong())
                                .isPositive();
                        acks++;
                    } else if (event.equals("state")) {
                        for (JsonNode p : frame.get(4).get("state").get("players")) {
                            if (p.get("id").asString().equals(me)
                                    && p.get("last_seq").asLong() == 5) {
                                applied = true;
                            }
                        }
                    }
                }
            }
            // a malformed input is refused and does not count
            sockets.getFirst()
                    .send("[\"1\",\"200\",\"" + topic + "\",\"input\",{\"seq\":6,\"move\":[\"x\",0],\"fire\":1}]");
            JsonNode refused = untilReply(sockets.getFirst(), "200");
            assertThat(refused.get(4).get("status").asString()).isEqualTo("error");
            assertThat(refused.get(4).get("response").get("reason").asString()).isEqualTo("bad_input");
        } finally {
            sockets.forEach(SocketClient::close);
        }
    }

    private static JsonNode untilEvent(SocketClient socket, String event) {
        for (int i = 0; i < 200; i++) {
            JsonNode frame = JSON.readTree(socket.next());
            if (frame.get(3).asString().equals(event)) {
                return frame;
            }
        }
        throw new AssertionError("no " + event);
    }

    private static JsonNode untilReply(SocketClient socket, String ref) {
        for (int i = 0; i < 500; i++) {
            JsonNode frame = JSON.readTree(socket.next());
            if (frame.get(3).asString().equals("phx_reply")
                    && ref.equals(frame.get(1).asString())) {
                return frame;
            }
        }
        throw new AssertionError("no reply to " + ref);
    }

    private WebTestClient.ResponseSpec post(Players.Tokens player, String path, Object body) {
        return web.post()
                .uri(path)
                .headers(h -> h.setBearerAuth(player.accessToken()))
                .bodyValue(body)
                .exchange();
    }

    private static Map<?, ?> body(WebTestClient.ResponseSpec response) {
        Map<?, ?> body = response.expectStatus()
                .is2xxSuccessful()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).isNotNull();
        return body;
    }
}
