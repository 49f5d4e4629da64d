package org.gamebackend.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchRequest;
import org.gamebackend.engine.internal.MatchEngine;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.MatchmakingClient;
import org.gamebackend.support.Players;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A running arena match loses a player; the next player who queues for arena takes the seat, ahead of anyone. */
@ApiTest
class BackfillFlowTests {

    @Autowired
    WebTestClient web;

    @Autowired
    MatchEngine engine;

    @Test
    void aPlayerWhoQueuesIsSeatedInTheRunningMatchThatLostOne() {
        MatchmakingClient mm = new MatchmakingClient(web);
        Players.Tokens a = mm.player("bf-a");
        Players.Tokens b = mm.player("bf-b");
        Players.Tokens c = mm.player("bf-c");
        MatchId match = engine.create(
                new MatchRequest("arena", "arena", java.util.List.of(seat(a, 0), seat(b, 1), seat(c, 2))));
        for (int i = 0; i < 3; i++) {
            engine.connected(match, i);
        }
        engine.left(match, 1); // b is gone for good: arena asks for a replacement

        Players.Tokens newcomer = mm.player("bf-new");
        String ticket = mm.queued(newcomer, Map.of("mode", "arena", "region", "eu"));
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() ->
                        assertThat(mm.ticket(newcomer, ticket).get("status")).isEqualTo("matched"));
        assertThat(mm.ticket(newcomer, ticket).get("match_id")).isEqualTo(match.toString());
        assertThat(engine.find(match).orElseThrow().seats().get(1).player().toString())
                .isEqualTo(newcomer.playerId());
        assertThat(engine.activeMatchOf(PlayerId.parse(newcomer.playerId()))).contains(match);
        assertThat(engine.activeMatchOf(PlayerId.parse(b.playerId())))
                .as("the leaver is free")
                .isEmpty();
        engine.terminate(match, "test over");
    }

    private static MatchRequest.SeatRequest seat(Players.Tokens player, int team) {
        return new MatchRequest.SeatRequest(PlayerId.parse(player.playerId()), false, team);
    }
}
