package org.gamebackend.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.internal.MatchEngine;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.GraphQl;
import org.gamebackend.support.MatchmakingClient;
import org.gamebackend.support.Players;
import org.gamebackend.support.SqlStatements;
import org.gamebackend.support.TicTacToeWins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * No N+1: a player's history with every match and every match's players' profiles costs one query for the history,
 * one for all the matches and one for all the profiles, however many matches the page holds — counted on the SQL the
 * server sends.
 */
@ApiTest
class GraphQlBatchingTests {

    private static final int MATCHES = 4;

    @Autowired
    WebTestClient web;

    @Autowired
    MatchEngine engine;

    @Autowired
    org.springframework.cache.CacheManager caches;

    @LocalServerPort
    int port;

    @Test
    void aHistoryPageLoadsItsMatchesAndTheirPlayersInOneQueryEach() {
        MatchmakingClient mm = new MatchmakingClient(web);
        Players.Tokens me = mm.player("gbm");
        for (int i = 0; i < MATCHES; i++) {
            win(me, mm.player("gbo"));
        }
        HttpGraphQlTester gql = GraphQl.as(port, me);
        String history = "query($id: ID!) { matches(playerId: $id, first: 10) { edges { node { matchId outcome"
                + " match { id status players { seat bot player { id displayName } } } } } } }";
        await().atMost(Duration.ofSeconds(60))
                .until(() -> gql.document(history)
                                .variable("id", me.playerId())
                                .execute()
                                .path("matches.edges")
                                .entityList(Object.class)
                                .get()
                                .size()
                        == MATCHES);

        // cold caches: the page must batch what it loads, not find it cached from the requests above
        caches.getCacheNames()
                .forEach(name ->
                        java.util.Objects.requireNonNull(caches.getCache(name)).clear());
        var names = new java.util.ArrayList<String>();
        List<String> sql = SqlStatements.during(() -> names.addAll(gql.document(history)
                .variable("id", me.playerId())
                .execute()
                .path("matches.edges[*].node.match.players[*].player.displayName")
                .entityList(String.class)
                .get()));

        assertThat(names).hasSize(2 * MATCHES).doesNotContainNull();
        assertThat(count(sql, "from player_matches"))
                .as("history queries in %s", sql)
                .isEqualTo(1);
        assertThat(count(sql, "from matches")).as("match queries in %s", sql).isEqualTo(1);
        assertThat(count(sql, "from players")).as("profile queries in %s", sql).isEqualTo(1);
    }

    /** A tic-tac-toe match {@code x} wins, played to its end. */
    private void win(Players.Tokens x, Players.Tokens o) {
        MatchId match = TicTacToeWins.play(engine, x, o);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !engine.find(match).orElseThrow().status().equals("running"));
    }

    private static long count(List<String> sql, String fragment) {
        return sql.stream()
                .filter(s -> s.toLowerCase(java.util.Locale.ROOT).contains(fragment))
                .count();
    }
}
