package org.gamebackend.matchmaking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.support.FreshDatabase;
import org.gamebackend.support.MatchmakingClient;
import org.gamebackend.support.Players;
import org.gamebackend.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two cluster nodes on one database (this machine's PostgreSQL, Redis and RabbitMQ): a player queued on one node and
 * a player queued on the other are matched together, because each node also pairs the tickets queued elsewhere.
 */
class TicketsAcrossNodesTests {

    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    private RunningServer node() {
        List<String> args = new ArrayList<>(List.of(
                "DATABASE_URL=" + database.url(),
                "GAME_MODE=cluster",
                "JWT_SECRET=tickets-nodes-tests-secret-0123456789-abcdefgh",
                "game.cache.redis.key-prefix=gb:test:" + UUID.randomUUID() + ":cache:v1:",
                "jobrunr.background-job-server.enabled=false",
                "game.matchmaking.interval=200ms",
                "game.matchmaking.cluster-sync=300ms",
                // only another human can fill the seat: no bots, no region fallback
                "game.matchmaking.modes.tictactoe.bots.enabled=false"));
        return RunningServer.start(args.toArray(String[]::new));
    }

    @Test
    void playersQueuedOnDifferentNodesAreMatchedTogether() {
        try (RunningServer a = node();
                RunningServer b = node()) {
            MatchmakingClient viaA = new MatchmakingClient(a.web());
            MatchmakingClient viaB = new MatchmakingClient(b.web());
            Players.Tokens first = viaA.player("tn-a");
            Players.Tokens second = viaB.player("tn-b");
            String ticketA = viaA.queued(first, Map.of("mode", "tictactoe", "region", "eu"));
            String ticketB = viaB.queued(second, Map.of("mode", "tictactoe", "region", "eu"));

            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        assertThat(viaA.ticket(first, ticketA).get("status")).isEqualTo("matched");
                        assertThat(viaB.ticket(second, ticketB).get("status")).isEqualTo("matched");
                    });
            Object match = viaA.ticket(first, ticketA).get("match_id");
            assertThat(match).isNotNull();
            assertThat(viaB.ticket(second, ticketB).get("match_id"))
                    .as("one match for both")
                    .isEqualTo(match);

            // a ticket cancelled on the node that queued it is not matched by the other
            Players.Tokens third = viaA.player("tn-c");
            String cancelled = viaA.queued(third, Map.of("mode", "tictactoe", "region", "eu"));
            viaA.cancel(third, cancelled).expectStatus().is2xxSuccessful();
            Players.Tokens fourth = viaB.player("tn-d");
            String alone = viaB.queued(fourth, Map.of("mode", "tictactoe", "region", "eu"));
            java.util.concurrent.locks.LockSupport.parkNanos(
                    Duration.ofSeconds(2).toNanos());
            assertThat(viaB.ticket(fourth, alone).get("status")).isEqualTo("searching");
            assertThat(viaA.ticket(third, cancelled).get("status")).isEqualTo("cancelled");
        }
    }
}
