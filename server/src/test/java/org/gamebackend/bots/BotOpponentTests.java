package org.gamebackend.bots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.Metrics;
import org.gamebackend.support.Players;
import org.gamebackend.support.SocketClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end over the socket: a lone player queues for a mode whose bots fill in at once, gets a bot opponent, plays
 * the match out, and the bot — at the top level — does not lose.
 */
@ApiTest
class BotOpponentTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    @Test
    void aLonePlayerGetsABotOpponentAndPlaysTheMatchToTheEnd() {
        Players.Tokens me = Players.register(web, Players.uniqueName("botfoe"), "password-123");
        double decisionsBefore = decisions();
        try (SocketClient socket = SocketClient.connect(port, me.accessToken())) {
            String userTopic = "user:" + me.playerId();
            socket.send("[\"1\",\"1\",\"" + userTopic + "\",\"phx_join\",{}]");
            assertThat(status(until(socket, "phx_reply", "1"))).isEqualTo("ok");
            socket.send("[\"1\",\"2\",\"" + userTopic + "\",\"queue\",{\"mode\":\"duel-bots\",\"region\":\"eu\"}]");
            assertThat(status(until(socket, "phx_reply", "2"))).isEqualTo("ok");

            JsonNode found = until(socket, "match_found", null).get(4);
            String topic = found.get("topic").asString();
            socket.send("[\"3\",\"3\",\"" + topic + "\",\"phx_join\",{}]");
            JsonNode joined = until(socket, "phx_reply", "3").get(4);
            assertThat(joined.get("status").asString()).isEqualTo("ok");

            // play the first free cell whenever it is my turn, until the match ends
            JsonNode state = joined.get("response").get("state");
            int ref = 10;
            int moves = 0;
            while (true) {
                if (state != null && me.playerId().equals(state.path("turn").asString(""))) {
                    int cell = firstFree(state.get("board"));
                    socket.send("[\"3\",\"%d\",\"%s\",\"input\",{\"cell\":%d}]".formatted(ref++, topic, cell));
                    moves++;
                    state = null; // wait for the patch that shows it
                }
                JsonNode frame = JSON.readTree(socket.next());
                String event = frame.get(3).asString();
                if (event.equals("match_end")) {
                    JsonNode result = frame.get(4).get("result");
                    assertThat(
                                    result.get("winner").isNull()
                                            ? null
                                            : result.get("winner").asString())
                            .as("the top-level bot never loses")
                            .isNotEqualTo(me.playerId());
                    break;
                }
                if (event.equals("state") && topic.equals(frame.get(2).asString())) {
                    state = frame.get(4).get("state");
                }
            }
            assertThat(moves).isBetween(2, 5);
        }
        assertThat(decisions()).as("the bot's moves are counted").isGreaterThanOrEqualTo(decisionsBefore + 2);
    }

    private double decisions() {
        Matcher m = Pattern.compile(
                        "bots_decisions_total\\{[^}]*game=\"tictactoe\"[^}]*source=\"local\"[^}]*} ([0-9.eE+]+)")
                .matcher(Metrics.scrape(port));
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static int firstFree(JsonNode board) {
        for (int c = 0; c < 9; c++) {
            if (board.get(c).asString().isEmpty()) {
                return c;
            }
        }
        throw new AssertionError("no free cell on " + board);
    }

    private static String status(JsonNode reply) {
        return reply.get(4).get("status").asString();
    }

    private static JsonNode until(SocketClient socket, String event, String ref) {
        for (int i = 0; i < 500; i++) {
            JsonNode frame = JSON.readTree(socket.next());
            if (frame.get(3).asString().equals(event)
                    && (ref == null || ref.equals(frame.get(1).asString()))) {
                return frame;
            }
        }
        throw new AssertionError("no " + event);
    }
}
