package org.gamebackend.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.MatchmakingClient;
import org.gamebackend.support.Metrics;
import org.gamebackend.support.Players;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Tickets over REST against the running server: matching, one ticket per player, bad input, expiry, fallback. */
@ApiTest
class MatchmakingApiTests {

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    MatchmakingClient mm;

    @BeforeEach
    void client() {
        mm = new MatchmakingClient(web);
    }

    @Test
    void twoPlayersQueueingOneModeAndRegionAreMatchedIntoOneMatch() {
        var alice = mm.player("mm-a");
        var bob = mm.player("mm-b");
        Map<?, ?> first = MatchmakingClient.body(mm.queue(alice, Map.of("mode", "duel", "region", "na"))
                .expectStatus()
                .isCreated());
        assertThat(first.get("status")).isEqualTo("searching");
        assertThat(first.get("region")).isEqualTo("na");
        String a = (String) first.get("ticket_id");
        String b = mm.queued(bob, Map.of("mode", "duel", "latencies", Map.of("na", 30, "eu", 120)));

        String match = awaitMatched(alice, a);
        assertThat(awaitMatched(bob, b)).isEqualTo(match);
        Map<?, ?> view = MatchmakingClient.body(mm.send(alice, "GET", "/api/v1/matches/" + match, null)
                .expectStatus()
                .isOk());
        assertThat(view.get("mode")).isEqualTo("duel");
        assertThat(list(view.get("players")))
                .extracting(p -> (Object) ((Map<?, ?>) p).get("player_id"))
                .containsExactlyInAnyOrder(alice.playerId(), bob.playerId());
        // in a match now: queueing again is refused until it ends
        mm.queue(alice, Map.of("mode", "duel"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("already_in_match");
    }

    @Test
    void aPlayerHasOneActiveTicketAndMayCancelIt() {
        var carol = mm.player("mm-c");
        String id = mm.queued(carol, Map.of("mode", "duel", "region", "oce"));
        mm.queue(carol, Map.of("mode", "duel-bots"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("already_queued");
        mm.send(mm.player("mm-x"), "GET", "/api/v1/matchmaking/tickets/" + id, null)
                .expectStatus()
                .isNotFound();

        mm.cancel(carol, id).expectStatus().isNoContent();
        Map<?, ?> cancelled = mm.ticket(carol, id);
        assertThat(cancelled.get("status")).isEqualTo("cancelled");
        assertThat(cancelled.get("reason")).isEqualTo("player");
        mm.cancel(carol, id)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("ticket_not_searching");
        // free to queue again
        mm.cancel(carol, mm.queued(carol, Map.of("mode", "duel", "region", "oce")))
                .expectStatus()
                .isNoContent();
    }

    @Test
    void badQueueRequestsGetAProblemAndChangeNothing() {
        var dave = mm.player("mm-d");
        expectProblem(mm.queue(dave, Map.of("mode", "no-such-mode")), 400, "unknown_mode", "mode");
        expectProblem(mm.queue(dave, Map.of()), 400, "unknown_mode", "mode");
        expectProblem(mm.queue(dave, Map.of("mode", "duel", "region", "mars")), 400, "unknown_region", "region");
        expectProblem(
                mm.queue(dave, Map.of("mode", "duel", "latencies", Map.of("eu", -5))),
                400,
                "bad_latencies",
                "latencies");
        mm.queue(dave, Map.of("mode", "duel", "party_id", "not-a-uuid"))
                .expectStatus()
                .isBadRequest();
        expectProblem(
                mm.queue(dave, Map.of("mode", "duel", "party_id", "7d1bd5c4-54a8-4a8e-9e4f-0d8f1c1f4d11")),
                404,
                "party_not_found",
                null);
        mm.send(dave, "GET", "/api/v1/matchmaking/tickets/not-a-uuid", null)
                .expectStatus()
                .isBadRequest();
        // nothing was queued: the player can queue now
        mm.cancel(dave, mm.queued(dave, Map.of("mode", "duel", "region", "oce")))
                .expectStatus()
                .isNoContent();
    }

    @Test
    void aLonePlayerIsSeatedWithABotAfterTheModesBotDelay() {
        var erin = mm.player("mm-e");
        String match = awaitMatched(erin, mm.queued(erin, Map.of("mode", "duel-bots", "region", "asia")));
        Map<?, ?> view = MatchmakingClient.body(mm.send(erin, "GET", "/api/v1/matches/" + match, null)
                .expectStatus()
                .isOk());
        assertThat(list(view.get("players")))
                .extracting(p -> (Object) ((Map<?, ?>) p).get("bot"))
                .containsExactlyInAnyOrder(true, false);
    }

    @Test
    void aTicketExpiresAfterItsTimeToLive() {
        var fay = mm.player("mm-f");
        String id = mm.queued(fay, Map.of("mode", "duel-expiring"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(mm.ticket(fay, id).get("status")).isEqualTo("expired"));
        mm.cancel(fay, mm.queued(fay, Map.of("mode", "duel-expiring")))
                .expectStatus()
                .isNoContent();
    }

    @Test
    void aWaitingTicketIsOfferedToANearbyRegionButNotToAFarOne() {
        var far = mm.player("mm-far");
        var near = mm.player("mm-near");
        var local = mm.player("mm-local");
        String farTicket = mm.queued(
                far, Map.of("mode", "duel-fallback", "region", "sa", "latencies", Map.of("sa", 20, "eu", 250)));
        String localTicket = mm.queued(local, Map.of("mode", "duel-fallback", "region", "eu"));
        String nearTicket = mm.queued(
                near, Map.of("mode", "duel-fallback", "region", "na", "latencies", Map.of("na", 20, "eu", 80)));
        assertThat(awaitMatched(near, nearTicket)).isEqualTo(awaitMatched(local, localTicket));
        assertThat(mm.ticket(far, farTicket).get("status")).isEqualTo("searching");
        mm.cancel(far, farTicket).expectStatus().isNoContent();
    }

    @Test
    void aSearcherWhoStartedAPrivateMatchLosesTheTicketAndNobodyPlaysTwoMatches() {
        var ivy = mm.player("mm-i");
        var jon = mm.player("mm-j");
        var kim = mm.player("mm-k");
        String ivysTicket = mm.queued(ivy, Map.of("mode", "duel", "region", "sa"));
        Map<?, ?> invitation =
                MatchmakingClient.body(mm.send(ivy, "POST", "/api/v1/matches", Map.of("game", "tictactoe", "seats", 2))
                        .expectStatus()
                        .isCreated());
        mm.send(jon, "POST", "/api/v1/matches/join", Map.of("invite_code", invitation.get("invite_code")))
                .expectStatus()
                .isOk();
        // ivy plays now; a second private match with her is refused
        Map<?, ?> another =
                MatchmakingClient.body(mm.send(kim, "POST", "/api/v1/matches", Map.of("game", "tictactoe", "seats", 2))
                        .expectStatus()
                        .isCreated());
        expectProblem(
                mm.send(ivy, "POST", "/api/v1/matches/join", Map.of("invite_code", another.get("invite_code"))),
                409,
                "already_in_match",
                null);

        String kimsTicket = mm.queued(kim, Map.of("mode", "duel", "region", "sa"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(mm.ticket(ivy, ivysTicket).get("reason")).isEqualTo("in_match"));
        assertThat(mm.ticket(ivy, ivysTicket).get("status")).isEqualTo("cancelled");
        assertThat(mm.ticket(kim, kimsTicket).get("status")).isEqualTo("searching");
        mm.cancel(kim, kimsTicket).expectStatus().isNoContent();
    }

    @Test
    void theModesAreListed() {
        mm.send(mm.player("mm-l"), "GET", "/api/v1/matchmaking/modes", null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.name == 'arena-2v2')].team_size")
                .isEqualTo(2)
                .jsonPath("$[?(@.name == 'tictactoe')].max_party_size")
                .isEqualTo(1);
    }

    @Test
    void theQueuesAreVisibleInTheMetrics() {
        var gus = mm.player("mm-g");
        String id = mm.queued(gus, Map.of("mode", "duel", "region", "oce"));
        // the pairing loop admits the ticket a moment after the request returned
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(Metrics.scrape(port))
                                .contains(
                                        "matchmaking_join_queue_count_total{application=\"game-backend\",mode=\"duel\",region=\"oce\"}")
                                .containsPattern(
                                        "matchmaking_players_waiting\\{application=\"game-backend\",mode=\"duel\",region=\"oce\"\\} [1-9]"));
        mm.cancel(gus, id).expectStatus().isNoContent();

        var hal = mm.player("mm-h");
        awaitMatched(hal, mm.queued(hal, Map.of("mode", "duel-bots", "region", "eu")));
        // the match's meters are recorded right after its tickets show it
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Metrics.scrape(port))
                        .contains("matchmaking_wait_seconds_bucket{application=\"game-backend\",mode=\"duel-bots\"")
                        .contains(
                                "matchmaking_match_rating_spread_bucket{application=\"game-backend\",mode=\"duel-bots\"")
                        .contains(
                                "matchmaking_match_team_imbalance_bucket{application=\"game-backend\",mode=\"duel-bots\"")
                        .containsPattern(
                                "matchmaking_bot_fills_total\\{application=\"game-backend\",mode=\"duel-bots\"\\} [1-9]")
                        .contains(
                                "matchmaking_tickets_ended_total{application=\"game-backend\",mode=\"duel\",status=\"cancelled\"}")
                        .contains("matchmaking_pass_seconds_count"));
    }

    private String awaitMatched(Players.Tokens player, String ticket) {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() ->
                        assertThat(mm.ticket(player, ticket).get("status")).isEqualTo("matched"));
        String match = (String) mm.ticket(player, ticket).get("match_id");
        assertThat(match).isNotBlank();
        return match;
    }

    static void expectProblem(WebTestClient.ResponseSpec response, int status, String code, String field) {
        var body = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(code);
        if (field != null) {
            body.jsonPath("$.field").isEqualTo(field);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
