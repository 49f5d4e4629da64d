package org.gamebackend.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.internal.MatchEngine;
import org.gamebackend.matchmaking.internal.PlayerFeed;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.GraphQl;
import org.gamebackend.support.MatchmakingClient;
import org.gamebackend.support.Players;
import org.gamebackend.support.TicTacToeWins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;

/**
 * Subscriptions over the graphql-ws protocol on a real socket ({@code ws://.../graphql}), authenticated by the
 * {@code connection_init} payload: two players matched by the matchmaker each get {@code matchFound}; a ranked match's
 * new ratings reach {@code leaderboardChanged}; no token gets UNAUTHORIZED, and a bad one a closed socket.
 */
@ApiTest
class GraphQlSubscriptionTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient web;

    @Autowired
    MatchEngine engine;

    @Autowired
    PlayerFeed feed;

    @LocalServerPort
    int port;

    @Test
    void twoMatchedPlayersEachGetMatchFound() throws InterruptedException {
        MatchmakingClient mm = new MatchmakingClient(web);
        Players.Tokens a = mm.player("gsa");
        Players.Tokens b = mm.player("gsb");
        WebSocketGraphQlTester socketA = GraphQl.socket(port, a);
        WebSocketGraphQlTester socketB = GraphQl.socket(port, b);
        BlockingQueue<Map<String, Object>> foundA = new LinkedBlockingQueue<>();
        BlockingQueue<Map<String, Object>> foundB = new LinkedBlockingQueue<>();
        BlockingQueue<Map<String, Object>> ticketsA = new LinkedBlockingQueue<>();
        BlockingQueue<Map<String, Object>> ticketsB = new LinkedBlockingQueue<>();
        List<Disposable> subscriptions = List.of(
                matchFound(socketA, foundA),
                ticketUpdated(socketA, ticketsA),
                matchFound(socketB, foundB),
                ticketUpdated(socketB, ticketsB));
        try {
            // both subscriptions of each player are live before anyone queues
            await().atMost(WAIT)
                    .until(() -> feed.subscribers(PlayerId.parse(a.playerId())) == 2
                            && feed.subscribers(PlayerId.parse(b.playerId())) == 2);
            String ticketA = mm.queued(a, Map.of("mode", "gql-duel"));
            assertThat(next(ticketsA)).containsEntry("ticketId", ticketA).containsEntry("status", "searching");
            String ticketB = mm.queued(b, Map.of("mode", "gql-duel"));
            assertThat(next(ticketsB)).containsEntry("ticketId", ticketB).containsEntry("status", "searching");

            Map<String, Object> a1 = next(foundA);
            Map<String, Object> b1 = next(foundB);
            assertThat(a1.get("matchId")).isEqualTo(b1.get("matchId"));
            assertThat(a1).containsEntry("game", "tictactoe").containsEntry("mode", "gql-duel");
            assertThat(List.of(a1.get("seat"), b1.get("seat"))).containsExactlyInAnyOrder(0, 1);
            assertThat(a1.get("topic")).isEqualTo("match:" + a1.get("matchId"));
            assertThat(next(ticketsA)).containsEntry("status", "matched").containsEntry("matchId", a1.get("matchId"));
            // nobody else's notices
            assertThat(foundA.poll(300, TimeUnit.MILLISECONDS)).isNull();

            // and the match itself, with both players' profiles, over the same socket
            socketA.document("query($id: ID!) { match(id: $id) { status players { seat player { id } } } }")
                    .variable("id", a1.get("matchId"))
                    .execute()
                    .path("match.players[*].player.id")
                    .entityList(String.class)
                    .hasSize(2)
                    .contains(a.playerId(), b.playerId());
        } finally {
            // whatever happened, leave no ticket in the pool for the next run
            for (Players.Tokens p : List.of(a, b)) {
                GraphQl.as(port, p).document("mutation { cancelTicket }").execute();
            }
            subscriptions.forEach(Disposable::dispose);
            socketA.stop().block(WAIT);
            socketB.stop().block(WAIT);
        }
    }

    @Test
    void leaderboardChangedSendsTheTopNowAndAfterARatedMatch() throws InterruptedException {
        MatchmakingClient mm = new MatchmakingClient(web);
        Players.Tokens watcher = mm.player("gsw");
        Players.Tokens x = mm.player("gsx");
        Players.Tokens o = mm.player("gso");
        WebSocketGraphQlTester socket = GraphQl.socket(port, watcher);
        BlockingQueue<Map<String, Object>> boards = new LinkedBlockingQueue<>();
        Disposable subscription = socket.document("subscription { leaderboardChanged(mode: \"tictactoe\", top: 100) {"
                        + " mode region totalCount edges { cursor node { rank playerId displayName rating } } } }")
                .executeSubscription()
                .toFlux("leaderboardChanged", Map.class)
                .subscribe(board -> boards.add(cast(board)));
        try {
            Map<String, Object> now = next(boards);
            assertThat(now).containsEntry("mode", "tictactoe").containsEntry("region", "global");
            assertThat(players(now)).doesNotContain(x.playerId());

            TicTacToeWins.play(engine, x, o);
            // ratings are applied by a background job; the board then comes again, with both players on it
            Map<String, Object> after = next(boards, Duration.ofSeconds(60));
            while (!players(after).contains(o.playerId())) {
                after = next(boards, Duration.ofSeconds(60));
            }
            assertThat(players(after)).contains(x.playerId(), o.playerId());
            assertThat(players(after).indexOf(x.playerId()))
                    .as("the winner is ranked above the loser")
                    .isLessThan(players(after).indexOf(o.playerId()));
        } finally {
            subscription.dispose();
            socket.stop().block(WAIT);
        }
    }

    @Test
    void withoutATokenSubscriptionsAreRefused() {
        WebSocketGraphQlTester anonymous = GraphQl.socket(port, Map.of());
        try {
            Throwable refused = catchThrowable(() -> anonymous
                    .document("subscription { matchFound { matchId } }")
                    .executeSubscription()
                    .toFlux()
                    .blockFirst(WAIT));
            assertThat(refused).isInstanceOf(SubscriptionErrorException.class);
            assertThat(((SubscriptionErrorException) refused)
                            .getErrors()
                            .getFirst()
                            .getExtensions())
                    .containsEntry("classification", "UNAUTHORIZED")
                    .containsEntry("code", "unauthorized");
        } finally {
            anonymous.stop().block(WAIT);
        }

        // a bad token: the server closes the socket with graphql-ws' 4401 Unauthorized right after connection_init
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket raw = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .buildAsync(URI.create("ws://localhost:" + port + "/graphql"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                        closed.complete(status);
                        return null;
                    }
                })
                .join();
        raw.sendText("{\"type\":\"connection_init\",\"payload\":{\"token\":\"not-a-token\"}}", true);
        assertThat(closed).succeedsWithin(WAIT).isEqualTo(4401);
    }

    private static Disposable matchFound(WebSocketGraphQlTester socket, BlockingQueue<Map<String, Object>> into) {
        return socket.document("subscription { matchFound { matchId game mode seat topic } }")
                .executeSubscription()
                .toFlux("matchFound", Map.class)
                .subscribe(m -> into.add(cast(m)));
    }

    private static Disposable ticketUpdated(WebSocketGraphQlTester socket, BlockingQueue<Map<String, Object>> into) {
        return socket.document("subscription { ticketUpdated { ticketId status matchId reason } }")
                .executeSubscription()
                .toFlux("ticketUpdated", Map.class)
                .subscribe(m -> into.add(cast(m)));
    }

    private static List<Object> players(Map<String, Object> board) {
        return ((List<?>) board.get("edges"))
                .stream()
                        .map(e -> ((Map<?, ?>) ((Map<?, ?>) e).get("node")).get("playerId"))
                        .map(Object.class::cast)
                        .toList();
    }

    private static Map<String, Object> next(BlockingQueue<Map<String, Object>> queue) throws InterruptedException {
        return next(queue, WAIT);
    }

    private static Map<String, Object> next(BlockingQueue<Map<String, Object>> queue, Duration wait)
            throws InterruptedException {
        Map<String, Object> item = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(item).as("a message within " + wait).isNotNull();
        return item;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
