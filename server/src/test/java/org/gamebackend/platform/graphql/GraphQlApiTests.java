package org.gamebackend.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.GraphQl;
import org.gamebackend.support.MatchmakingClient;
import org.gamebackend.support.Players;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GraphQL over real HTTP: what REST serves for accounts, matchmaking and parties, with the same checks and error codes;
 * fields that need a token without one; the depth and complexity limits; GraphiQL on in standalone mode.
 */
@ApiTest
class GraphQlApiTests {

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    @Test
    void meAndUpdateProfileMirrorRestMe() {
        String name = Players.uniqueName("gq");
        Players.Tokens p = Players.register(web, name, "password-123");
        HttpGraphQlTester gql = GraphQl.as(port, p);

        gql.document("{ me { id username displayName region roles guest } }")
                .execute()
                .path("me.id")
                .entity(String.class)
                .isEqualTo(p.playerId())
                .path("me.username")
                .entity(String.class)
                .isEqualTo(name)
                .path("me.guest")
                .entity(Boolean.class)
                .isEqualTo(false);

        gql.document("mutation { updateProfile(input: {displayName: \"Ada\", region: \"eu\"}) { displayName region } }")
                .execute()
                .path("updateProfile.displayName")
                .entity(String.class)
                .isEqualTo("Ada");
        Map<?, ?> rest = new MatchmakingClient(web).get(p, "/api/v1/me");
        assertThat(rest.get("display_name")).isEqualTo("Ada");
        assertThat(rest.get("region")).isEqualTo("eu");

        // the same bean validation as PATCH /me, and nothing changes
        var ext = GraphQl.error(
                gql.document("mutation { updateProfile(input: {displayName: \"" + "x".repeat(33) + "\"}) { id } }")
                        .execute(),
                "BAD_REQUEST",
                "validation_failed");
        assertThat(ext).containsEntry("field", "displayName");
        // and the same service checks: an unknown region
        GraphQl.error(
                gql.document("mutation { updateProfile(input: {region: \"mars\"}) { id } }")
                        .execute(),
                "BAD_REQUEST",
                "unknown_region");
        gql.document("{ me { displayName region } player(id: \"" + p.playerId() + "\") { displayName } }")
                .execute()
                .path("me.displayName")
                .entity(String.class)
                .isEqualTo("Ada")
                .path("player.displayName")
                .entity(String.class)
                .isEqualTo("Ada");
    }

    @Test
    void fieldsNeedATokenAndABadTokenIsRefused() {
        GraphQl.error(GraphQl.anonymous(port).document("{ me { id } }").execute(), "UNAUTHORIZED", "unauthorized");
        GraphQl.error(GraphQl.anonymous(port).document("{ modes { name } }").execute(), "UNAUTHORIZED", "unauthorized");
        // a token that is sent must be valid: refused before GraphQL, like on REST
        web.post()
                .uri("/graphql")
                .header("Authorization", "Bearer not-a-token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ me { id } }"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        // introspection stays open (GraphiQL, code generators)
        GraphQl.anonymous(port)
                .document("{ __schema { queryType { name } } }")
                .execute()
                .path("__schema.queryType.name")
                .entity(String.class)
                .isEqualTo("Query");
    }

    @Test
    void queueMyTicketAndCancelMirrorTheTicketsApi() {
        Players.Tokens p = Players.register(web, Players.uniqueName("gqq"), "password-123");
        HttpGraphQlTester gql = GraphQl.as(port, p);

        List<String> modes = gql.document("{ modes { name game ranked regions } }")
                .execute()
                .path("modes[*].name")
                .entityList(String.class)
                .get();
        assertThat(modes).contains("tictactoe", "arena", "duel");
        gql.document("{ myTicket { ticketId } }").execute().path("myTicket").valueIsNull();

        String ticket = gql.document(
                        "mutation { queue(mode: \"duel\", latencies: [{region: \"na\", ms: 20}, {region: \"eu\", ms: 90}])"
                                + " { ticketId status region players } }")
                .execute()
                .path("queue.status")
                .entity(String.class)
                .isEqualTo("searching")
                .path("queue.region")
                .entity(String.class)
                .isEqualTo("na")
                .path("queue.ticketId")
                .entity(String.class)
                .get();
        gql.document("{ myTicket { ticketId status mode } }")
                .execute()
                .path("myTicket.ticketId")
                .entity(String.class)
                .isEqualTo(ticket);
        assertThat(new MatchmakingClient(web).ticket(p, ticket).get("status")).isEqualTo("searching");

        var ext = GraphQl.error(
                gql.document("mutation { queue(mode: \"duel\") { ticketId } }").execute(),
                "BAD_REQUEST",
                "already_queued");
        assertThat(ext).containsEntry("status", 409);

        gql.document("mutation { cancelTicket }")
                .execute()
                .path("cancelTicket")
                .entity(Boolean.class)
                .isEqualTo(true);
        assertThat(new MatchmakingClient(web).ticket(p, ticket).get("status")).isEqualTo("cancelled");
        GraphQl.error(
                gql.document("mutation { cancelTicket(ticketId: \"" + ticket + "\") }")
                        .execute(),
                "BAD_REQUEST",
                "ticket_not_searching");
        GraphQl.error(
                gql.document("mutation { queue(mode: \"no-such-mode\") { ticketId } }")
                        .execute(),
                "BAD_REQUEST",
                "unknown_mode");
        GraphQl.error(
                gql.document("{ ticket(ticketId: \"00000000-0000-0000-0000-000000000000\") { status } }")
                        .execute(),
                "NOT_FOUND",
                "ticket_not_found");
    }

    @Test
    void partiesCreateJoinKickAndLeave() {
        Players.Tokens leader = Players.register(web, Players.uniqueName("gql"), "password-123");
        Players.Tokens friend = Players.register(web, Players.uniqueName("gqf"), "password-123");
        HttpGraphQlTester asLeader = GraphQl.as(port, leader);
        HttpGraphQlTester asFriend = GraphQl.as(port, friend);

        asLeader.document("{ myParty { partyId } }").execute().path("myParty").valueIsNull();
        var created = asLeader.document("mutation { createParty { partyId leader inviteCode members } }")
                .execute();
        String party = created.path("createParty.partyId").entity(String.class).get();
        String code =
                created.path("createParty.inviteCode").entity(String.class).get();
        created.path("createParty.leader").entity(String.class).isEqualTo(leader.playerId());

        asFriend.document("mutation { joinParty(inviteCode: \"" + code + "\") { members } }")
                .execute()
                .path("joinParty.members")
                .entityList(String.class)
                .containsExactly(leader.playerId(), friend.playerId());
        GraphQl.error(
                asFriend.document("mutation { kickFromParty(partyId: \"" + party + "\", playerId: \""
                                + leader.playerId() + "\") }")
                        .execute(),
                "FORBIDDEN",
                "not_party_leader");
        asLeader.document("mutation { kickFromParty(partyId: \"" + party + "\", playerId: \"" + friend.playerId()
                        + "\") }")
                .execute()
                .path("kickFromParty")
                .entity(Boolean.class)
                .isEqualTo(true);
        asFriend.document("{ myParty { partyId } }").execute().path("myParty").valueIsNull();
        asLeader.document("mutation { leaveParty(partyId: \"" + party + "\") }")
                .execute()
                .path("leaveParty")
                .entity(Boolean.class)
                .isEqualTo(true);
        asLeader.document("{ myParty { partyId } }").execute().path("myParty").valueIsNull();
    }

    @Test
    void tooDeepOrTooComplexQueriesAreRefusedBeforeTheyRun() {
        Players.Tokens p = Players.register(web, Players.uniqueName("gqd"), "password-123");
        HttpGraphQlTester gql = GraphQl.as(port, p);
        // 12 levels: over the default maximum of 10
        String deep = "{ player(id: \"" + p.playerId() + "\") { matches { edges { node { match { players { player {"
                + " matches { edges { node { match { id } } } } } } } } } } } }";
        gql.document(deep).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getMessage()).contains("maximum query depth exceeded");
            assertThat(errors.getFirst().getExtensions()).containsEntry("classification", "ExecutionAborted");
        });
        // shallow but wide: 100 entries x their players' stats
        String wide =
                "{ leaderboard(mode: \"tictactoe\", first: 100) { edges { cursor node { rank playerId displayName rating player { stats {"
                        + " wins losses draws ratings { mode rating } } } } } } }";
        gql.document(wide).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getMessage()).contains("maximum query complexity exceeded");
        });
        // the same query with a small page is fine
        gql.document(wide.replace("first: 100", "first: 5"))
                .execute()
                .path("leaderboard.edges")
                .entityList(Object.class)
                .hasSizeLessThan(6);
    }

    @Test
    void graphiqlIsOnInStandaloneMode() {
        web.get().uri("/graphiql").exchange().expectStatus().is3xxRedirection();
    }
}
