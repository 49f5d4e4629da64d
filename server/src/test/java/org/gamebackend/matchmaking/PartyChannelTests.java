package org.gamebackend.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * {@code party:<id>} over real sockets: members only, chat and ready reach the party, bad chat is refused, and a kicked
 * member's channel is closed — they hear the party no more and cannot chat in it.
 */
@ApiTest
class PartyChannelTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    @Test
    void membersTalkOutsidersAreRefusedAndAKickedMemberIsClosedOut() {
        MatchmakingClient mm = new MatchmakingClient(web);
        Players.Tokens leader = mm.player("pc-l");
        Players.Tokens friend = mm.player("pc-f");
        Players.Tokens stranger = mm.player("pc-s");
        Map<?, ?> party = MatchmakingClient.body(
                mm.send(leader, "POST", "/api/v1/parties", null).expectStatus().isCreated());
        mm.send(friend, "POST", "/api/v1/parties/join", Map.of("invite_code", party.get("invite_code")))
                .expectStatus()
                .isOk();
        String topic = "party:" + party.get("party_id");

        try (SocketClient lead = SocketClient.connect(port, leader.accessToken());
                SocketClient member = SocketClient.connect(port, friend.accessToken());
                SocketClient outsider = SocketClient.connect(port, stranger.accessToken())) {
            outsider.send(frame("1", "1", topic, "phx_join", "{}"));
            assertThat(reply(outsider, "1").at("/response/reason").asString()).isEqualTo("unauthorized");

            lead.send(frame("1", "1", topic, "phx_join", "{}"));
            assertThat(reply(lead, "1").get("status").asString()).isEqualTo("ok");
            member.send(frame("1", "1", topic, "phx_join", "{}"));
            assertThat(reply(member, "1").get("status").asString()).isEqualTo("ok");

            member.send(frame("1", "2", topic, "chat", "{\"text\":\"gl hf\"}"));
            assertThat(reply(member, "2").get("status").asString()).isEqualTo("ok");
            JsonNode chat = event(lead, "chat");
            assertThat(chat.get("player_id").asString()).isEqualTo(friend.playerId());
            assertThat(chat.get("text").asString()).isEqualTo("gl hf");
            member.send(frame("1", "3", topic, "chat", "{\"text\":\"\"}"));
            assertThat(reply(member, "3").at("/response/reason").asString()).isEqualTo("bad_request");

            mm.send(
                            leader,
                            "DELETE",
                            "/api/v1/parties/" + party.get("party_id") + "/members/" + friend.playerId(),
                            null)
                    .expectStatus()
                    .is2xxSuccessful();
            assertThat(event(member, "phx_close").isEmpty())
                    .as("the kicked member's channel is closed")
                    .isTrue();
            member.send(frame("1", "4", topic, "chat", "{\"text\":\"still here?\"}"));
            assertThat(reply(member, "4").get("status").asString())
                    .as("no chat after the kick")
                    .isEqualTo("error");

            lead.send(frame("1", "5", topic, "chat", "{\"text\":\"bye\"}"));
            assertThat(event(lead, "chat").get("text").asString()).isEqualTo("bye");
            for (Object f; (f = member.poll()) != null; ) {
                assertThat(f.toString())
                        .as("nothing of the party reaches the kicked member")
                        .doesNotContain("bye");
            }
            member.expectNothing();
        }
    }

    private static String frame(String joinRef, String ref, String topic, String event, String payload) {
        return "[\"" + joinRef + "\",\"" + ref + "\",\"" + topic + "\",\"" + event + "\"," + payload + "]";
    }

    /** The payload of the reply to {@code ref}, skipping other frames. */
    private static JsonNode reply(SocketClient socket, String ref) {
        for (int i = 0; i < 30; i++) {
            JsonNode frame = JSON.readTree(socket.next());
            if (frame.get(3).asString().equals("phx_reply")
                    && ref.equals(frame.get(1).asString())) {
                return frame.get(4);
            }
        }
        throw new AssertionError("no reply to " + ref);
    }

    /** The payload of the next {@code event} frame, skipping others. */
    private static JsonNode event(SocketClient socket, String event) {
        for (int i = 0; i < 30; i++) {
            JsonNode frame = JSON.readTree(socket.next());
            if (frame.get(3).asString().equals(event)) {
                return frame.get(4);
            }
        }
        throw new AssertionError("no " + event);
    }
}
