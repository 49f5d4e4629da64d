package org.gamebackend.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gamebackend.matchmaking.MatchmakingApiTests.expectProblem;
import static org.gamebackend.matchmaking.MatchmakingApiTests.list;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.MatchmakingClient;
import org.gamebackend.support.Players;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Parties over REST: invite by code, the leader queues, the party is matched whole on one team. */
@ApiTest
class PartyTests {

    @Autowired
    WebTestClient web;

    MatchmakingClient mm;

    @BeforeEach
    void client() {
        mm = new MatchmakingClient(web);
    }

    @Test
    void aPartyIsMatchedWholeOnOneTeamAgainstTwoSingles() {
        var leader = mm.player("pt-l");
        var friend = mm.player("pt-f");
        Map<?, ?> party = create(leader);
        String partyId = (String) party.get("party_id");
        Map<?, ?> joined = MatchmakingClient.body(
                mm.send(friend, "POST", "/api/v1/parties/join", Map.of("invite_code", party.get("invite_code")))
                        .expectStatus()
                        .isOk());
        assertThat(list(joined.get("members"))).containsExactly(leader.playerId(), friend.playerId());
        assertThat(MatchmakingClient.body(mm.send(friend, "GET", "/api/v1/parties/me", null)
                                .expectStatus()
                                .isOk())
                        .get("leader"))
                .isEqualTo(leader.playerId());

        String partyTicket = mm.queued(leader, Map.of("mode", "squad", "region", "eu", "party_id", partyId));
        assertThat(mm.ticket(friend, partyTicket).get("players"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder(leader.playerId(), friend.playerId());
        var s1 = mm.player("pt-s1");
        var s2 = mm.player("pt-s2");
        String t1 = mm.queued(s1, Map.of("mode", "squad", "region", "eu"));
        String t2 = mm.queued(s2, Map.of("mode", "squad", "region", "eu"));

        String match = awaitMatch(leader, partyTicket);
        assertThat(awaitMatch(s1, t1)).isEqualTo(match);
        assertThat(awaitMatch(s2, t2)).isEqualTo(match);
        List<?> players = (List<?>) MatchmakingClient.body(mm.send(leader, "GET", "/api/v1/matches/" + match, null)
                        .expectStatus()
                        .isOk())
                .get("players");
        assertThat(teamOf(players, leader)).isEqualTo(teamOf(players, friend));
        assertThat(teamOf(players, s1)).isEqualTo(teamOf(players, s2)).isNotEqualTo(teamOf(players, leader));
    }

    @Test
    void onlyTheLeaderQueuesAndAChangeOfMembersCancelsThePartysTicket() {
        var leader = mm.player("pt-l");
        var member = mm.player("pt-m");
        var third = mm.player("pt-t");
        Map<?, ?> party = create(leader);
        String partyId = (String) party.get("party_id");
        Object code = party.get("invite_code");
        mm.send(member, "POST", "/api/v1/parties/join", Map.of("invite_code", code))
                .expectStatus()
                .isOk();
        expectProblem(
                mm.send(member, "POST", "/api/v1/parties/join", Map.of("invite_code", code)),
                409,
                "already_in_party",
                null);
        expectProblem(mm.queue(member, Map.of("mode", "squad", "party_id", partyId)), 403, "not_party_leader", null);
        expectProblem(
                mm.send(member, "DELETE", "/api/v1/parties/" + partyId + "/members/" + leader.playerId(), null),
                403,
                "not_party_leader",
                null);

        String ticket = mm.queued(leader, Map.of("mode", "squad", "region", "oce", "party_id", partyId));
        // a third member joins: the party queued as two is not the party now
        mm.send(third, "POST", "/api/v1/parties/join", Map.of("invite_code", code))
                .expectStatus()
                .isOk();
        Map<?, ?> cancelled = mm.ticket(leader, ticket);
        assertThat(cancelled.get("status")).isEqualTo("cancelled");
        assertThat(cancelled.get("reason")).isEqualTo("party_changed");
        expectProblem(
                mm.send(leader, "POST", "/api/v1/parties/" + partyId + "/queue", Map.of("mode", "squad")),
                400,
                "party_too_big",
                "party_id");

        mm.send(leader, "DELETE", "/api/v1/parties/" + partyId + "/members/" + third.playerId(), null)
                .expectStatus()
                .isNoContent();
        mm.send(leader, "POST", "/api/v1/parties/" + partyId + "/leave", null)
                .expectStatus()
                .isNoContent();
        // the leader left: the longest member leads
        assertThat(MatchmakingClient.body(mm.send(member, "GET", "/api/v1/parties/" + partyId, null)
                                .expectStatus()
                                .isOk())
                        .get("leader"))
                .isEqualTo(member.playerId());
        mm.send(leader, "GET", "/api/v1/parties/" + partyId, null)
                .expectStatus()
                .isNotFound();
        mm.send(member, "POST", "/api/v1/parties/" + partyId + "/leave", null)
                .expectStatus()
                .isNoContent();
        mm.send(member, "GET", "/api/v1/parties/me", null).expectStatus().isNotFound();
        expectProblem(
                mm.send(third, "POST", "/api/v1/parties/join", Map.of("invite_code", code)),
                404,
                "party_not_found",
                null);
    }

    private Map<?, ?> create(Players.Tokens leader) {
        Map<?, ?> party = MatchmakingClient.body(
                mm.send(leader, "POST", "/api/v1/parties", null).expectStatus().isCreated());
        assertThat((String) party.get("invite_code")).matches("[A-Z0-9]{8}");
        return party;
    }

    private String awaitMatch(Players.Tokens player, String ticket) {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() ->
                        assertThat(mm.ticket(player, ticket).get("status")).isEqualTo("matched"));
        return (String) mm.ticket(player, ticket).get("match_id");
    }

    private static Object teamOf(List<?> players, Players.Tokens player) {
        return players.stream()
                .map(p -> (Map<?, ?>) p)
                .filter(p -> p.get("player_id").equals(player.playerId()))
                .findFirst()
                .orElseThrow()
                .get("team");
    }
}
