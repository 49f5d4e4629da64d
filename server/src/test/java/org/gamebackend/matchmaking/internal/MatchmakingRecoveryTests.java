package org.gamebackend.matchmaking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.MatchmakingClient;
import org.gamebackend.support.Players;
import org.gamebackend.support.SocketClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What happens when things go wrong: players who do not show up, and a matchmaker that restarts. */
@ApiTest
class MatchmakingRecoveryTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Matchmaker matchmaker;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    /** Starts from empty queues, whatever earlier tests (or an earlier run on this database) left searching. */
    @BeforeEach
    void emptyQueues() {
        matchmaker.stop();
        jdbc.sql("update matchmaking_tickets set status = 'cancelled', reason = 'test' where status <> 'cancelled'"
                        + " and match_id is null")
                .update();
        jdbc.sql("delete from matchmaking_ticket_players").update();
        matchmaker.start();
    }

    @Test
    void aNoShowIsCancelledAndCoolsDownWhileTheOthersSearchAgainWithTheirWaitKept() {
        var comes = player("ns-c");
        var stays = player("ns-s");
        String t1 = queue(comes, "sa");
        String t2 = queue(stays, "sa");
        String match = awaitStatus(comes, t1, "matched").get("match_id").toString();
        Object queuedAt = ticket(comes, t1).get("queued_at");
        try (SocketClient socket = SocketClient.connect(port, comes.accessToken())) {
            socket.send("[\"1\",\"1\",\"match:" + match + "\",\"phx_join\",{}]");
            assertThat(socket.next()).contains("\"ok\"");

            Map<?, ?> back = awaitStatus(comes, t1, "searching");
            assertThat(back.get("reason")).isEqualTo("requeued");
            assertThat(back.get("queued_at")).as("the waiting time is kept").isEqualTo(queuedAt);
        }
        Map<?, ?> noShow = ticket(stays, t2);
        assertThat(noShow.get("status")).isEqualTo("cancelled");
        assertThat(noShow.get("reason")).isEqualTo("no_show");
        // the match is ended by its tick worker, a moment after it was called off
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(get(comes, "/api/v1/matches/" + match).get("status"))
                                .isEqualTo("aborted"));
        send(stays, "POST", "/api/v1/matchmaking/tickets", Map.of("mode", "duel"))
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists("Retry-After")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("queue_cooldown");
        send(comes, "DELETE", "/api/v1/matchmaking/tickets/" + t1, null)
                .expectStatus()
                .isNoContent();
    }

    @Test
    void ticketsSurviveARestartIncludingOneThatWasHalfPlaced() {
        var first = player("rs-a");
        var second = player("rs-b");
        String t1 = queue(first, "asia");
        matchmaker.stop();
        try {
            // queued while the pairing loop is down: stored, picked up at the next start
            String t2 = queue(second, "asia");
            // and the first ticket was being placed when the "crash" came
            jdbc.sql("update matchmaking_tickets set status = 'matched' where id = ?")
                    .param(UUID.fromString(t1))
                    .update();
            assertThat(jdbc.sql("select status from matchmaking_tickets where id = ?")
                            .param(UUID.fromString(t1))
                            .query(String.class)
                            .single())
                    .isEqualTo("matched");
            assertThat(ticket(first, t1).get("status"))
                    .as("no match yet: searching to the player")
                    .isEqualTo("searching");
            matchmaker.start();
            String match = awaitStatus(first, t1, "matched").get("match_id").toString();
            assertThat(awaitStatus(second, t2, "matched").get("match_id")).isEqualTo(match);
        } finally {
            if (!matchmaker.isRunning()) {
                matchmaker.start();
            }
        }
    }

    private Map<?, ?> awaitStatus(Players.Tokens player, String ticket, String status) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> status.equals(ticket(player, ticket).get("status"))
                        && (!status.equals("matched") || ticket(player, ticket).get("match_id") != null));
        return ticket(player, ticket);
    }

    private Players.Tokens player(String prefix) {
        return mm().player(prefix);
    }

    private String queue(Players.Tokens player, String region) {
        return mm().queued(player, Map.of("mode", "duel", "region", region));
    }

    private Map<?, ?> ticket(Players.Tokens player, String id) {
        return mm().ticket(player, id);
    }

    private Map<?, ?> get(Players.Tokens player, String path) {
        return mm().get(player, path);
    }

    private WebTestClient.ResponseSpec send(Players.Tokens player, String method, String path, Object body) {
        return mm().send(player, method, path, body);
    }

    private MatchmakingClient mm() {
        return new MatchmakingClient(web);
    }
}
