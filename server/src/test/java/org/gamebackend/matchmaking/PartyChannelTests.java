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

/**
 * {@code party:<id>} over real sockets: members only, chat and ready reach the party, bad chat is refused, and a kicked
 * member's channel is closed — they hear the party no more and cannot chat in it.
 */
@ApiTest
class PartyChannelTests {

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
            outsider.push("1", "1", topic, "phx_join", "{}");
            assertThat(outsider.replyTo("1").at("/response/reason").asString()).isEqualTo("unauthorized");

            lead.push("1", "1", topic, "phx_join", "{}");
            assertThat(lead.replyTo("1").get("status").asString()).isEqualTo("ok");
            member.push("1", "1", topic, "phx_join", "{}");
            assertThat(member.replyTo("1").get("status").asString()).isEqualTo("ok");

            member.push("1", "2", topic, "chat", "{\"text\":\"gl hf\"}");
            assertThat(member.replyTo("2").get("status").asString()).isEqualTo("ok");
            JsonNode chat = lead.nextEvent("chat").get(4);
            assertThat(chat.get("player_id").asString()).isEqualTo(friend.playerId());
            assertThat(chat.get("text").asString()).isEqualTo("gl hf");
            member.push("1", "3", topic, "chat", "{\"text\":\"\"}");
            assertThat(member.replyTo("3").at("/response/reason").asString()).isEqualTo("bad_request");

            mm.send(
                            leader,
                            "DELETE",
                            "/api/v1/parties/" + party.get("party_id") + "/members/" + friend.playerId(),
                            null)
                    .expectStatus()
                    .is2xxSuccessful();
            assertThat(member.nextEvent("phx_close").get(4).isEmpty())
                    .as("the kicked member's channel is closed")
                    .isTrue();
            member.push("1", "4", topic, "chat", "{\"text\":\"still here?\"}");
            assertThat(member.replyTo("4").get("status").asString())
                    .as("no chat after the kick")
                    .isEqualTo("error");

            lead.push("1", "5", topic, "chat", "{\"text\":\"bye\"}");
            assertThat(lead.nextEvent("chat").get(4).get("text").asString()).isEqualTo("bye");
            for (Object f; (f = member.poll()) != null; ) {
                assertThat(f.toString())
                        .as("nothing of the party reaches the kicked member")
                        .doesNotContain("bye");
            }
            member.expectNothing();
        }
    }
}
