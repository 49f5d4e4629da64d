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

/**
 * A player forfeits an arena match but keeps the socket; a backfill gives the seat to a newcomer. The old player's
 * channel is closed and can no longer play the seat, and its going away does not drop the newcomer.
 */
@ApiTest
class SeatChangeTests {

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
            leaver.push("1", "1", topic, "phx_join", "{}");
            assertThat(leaver.replyTo("1").at("/response/seat").asInt()).isEqualTo(1);
            leaver.push("1", "2", topic, "forfeit", "{}");
            assertThat(leaver.replyTo("2").get("status").asString()).isEqualTo("ok");

            Players.Tokens newcomer = mm.player("sc-new");
            String ticket = mm.queued(newcomer, Map.of("mode", "arena", "region", "eu"));
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(mm.ticket(newcomer, ticket).get("status"))
                            .isEqualTo("matched"));
            assertThat(leaver.nextEvent("phx_close").get(2).asString())
                    .as("the old player's channel is closed")
                    .isEqualTo(topic);
            leaver.push("1", "3", topic, "input", "{\"seq\":1,\"move\":[1,0],\"fire\":false,\"aim\":0}");
            assertThat(leaver.replyTo("3").get("status").asString())
                    .as("no input for a seat that is someone else's")
                    .isEqualTo("error");

            try (SocketClient taker = SocketClient.connect(port, newcomer.accessToken())) {
                taker.push("1", "1", topic, "phx_join", "{}");
                assertThat(taker.replyTo("1").at("/response/seat").asInt()).isEqualTo(1);
                leaver.close(); // the old player's socket goes: that must not drop the newcomer
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> engine.find(match)
                                .orElseThrow()
                                .seats()
                                .get(1)
                                .player()
                                .toString()
                                .equals(newcomer.playerId()));
                taker.push("1", "2", topic, "input", "{\"seq\":1,\"move\":[1,0],\"fire\":false,\"aim\":0}");
                JsonNode played = taker.replyTo("2");
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
}
