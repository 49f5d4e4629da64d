package org.gamebackend.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.Matches;
import org.gamebackend.engine.Seat;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.MatchmakingClient;
import org.gamebackend.support.Players;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Players queue and cancel as fast as they can, from many threads, while the pairing loop matches them. Whatever the
 * interleaving: a cancel that succeeded left its ticket cancelled and unmatched, a cancel refused found its ticket
 * matched, nobody holds two active tickets, and nobody sits in two running matches.
 */
@ApiTest
class QueueRaceTests {

    static final int PLAYERS = 16;
    static final int ROUNDS = 12;
    static final int ATTEMPTS = 5;

    @Autowired
    WebTestClient web;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Matches matches;

    record Outcome(String ticket, int cancelStatus) {}

    @Test
    void concurrentQueueAndCancelNeverDoubleBookAPlayer() throws Exception {
        MatchmakingClient mm = new MatchmakingClient(web);
        Map<String, List<Outcome>> outcomes = new ConcurrentHashMap<>();
        // both outcomes must occur for the race to have been run; when every first cancel happens to lose (a pass
        // right after the burst), a new set of players runs it again
        for (int attempt = 0; attempt < ATTEMPTS && !bothOutcomes(outcomes); attempt++) {
            race(mm, outcomes);
        }

        int cancelled = 0;
        int matched = 0;
        for (var entry : outcomes.entrySet()) {
            for (Outcome o : entry.getValue()) {
                Map<String, Object> row = jdbc.sql("select status, match_id from matchmaking_tickets where id = ?")
                        .param(UUID.fromString(o.ticket()))
                        .query()
                        .singleRow();
                if (o.cancelStatus() == 204) {
                    assertThat(row.get("status")).as("ticket %s", o.ticket()).isEqualTo("cancelled");
                    assertThat(row.get("match_id")).isNull();
                    cancelled++;
                } else {
                    assertThat(o.cancelStatus()).isEqualTo(409);
                    assertThat(row.get("status")).as("ticket %s", o.ticket()).isEqualTo("matched");
                    MatchId match = new MatchId((UUID) row.get("match_id"));
                    assertThat(matches.find(match).orElseThrow().seats())
                            .extracting(s -> s.player().toString())
                            .contains(entry.getKey());
                    matched++;
                }
            }
        }
        assertThat(cancelled).as("some cancels won").isPositive();
        assertThat(matched).as("some matches won").isPositive();

        Map<String, Integer> seatsPerPlayer = new HashMap<>();
        for (var m : matches.running()) {
            for (Seat s : m.seats()) {
                if (!s.bot() && outcomes.containsKey(s.player().toString())) {
                    seatsPerPlayer.merge(s.player().toString(), 1, Integer::sum);
                }
            }
        }
        assertThat(seatsPerPlayer.values()).allMatch(n -> n == 1);
        assertThat(jdbc.sql("select count(*) from matchmaking_ticket_players p join matchmaking_tickets t"
                                + " on t.id = p.ticket_id where t.status not in ('searching', 'matched')")
                        .query(Integer.class)
                        .single())
                .as("no player is held by an ended ticket")
                .isZero();
        for (var m : matches.running()) {
            if (m.mode().equals("duel")
                    && m.seats().stream()
                            .anyMatch(s -> outcomes.containsKey(s.player().toString()))) {
                matches.terminate(m.id(), "test over");
            }
        }
    }

    private static void race(MatchmakingClient mm, Map<String, List<Outcome>> outcomes) throws Exception {
        List<Players.Tokens> players = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            players.add(mm.player("race"));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(PLAYERS)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < players.size(); i++) {
                Players.Tokens p = players.get(i);
                boolean hasty = i % 2 == 0;
                runs.add(pool.submit(() -> play(mm, p, hasty, outcomes)));
            }
            for (Future<?> f : runs) {
                f.get();
            }
        }
    }

    private static boolean bothOutcomes(Map<String, List<Outcome>> outcomes) {
        List<Outcome> all = outcomes.values().stream().flatMap(List::stream).toList();
        return all.stream().anyMatch(o -> o.cancelStatus() == 204)
                && all.stream().anyMatch(o -> o.cancelStatus() != 204);
    }

    /** Queue, wait a moment, cancel; stop once matched (the player is then in a match and may not queue). */
    private static void play(
            MatchmakingClient mm, Players.Tokens p, boolean hasty, Map<String, List<Outcome>> outcomes) {
        List<Outcome> mine = outcomes.computeIfAbsent(p.playerId(), k -> new ArrayList<>());
        for (int round = 0; round < ROUNDS; round++) {
            var queued = mm.queue(p, Map.of("mode", "duel", "region", "na")).returnResult(Map.class);
            if (queued.getStatus().value() != 201) {
                assertThat(queued.getStatus().value()).isEqualTo(409); // already in a match
                return;
            }
            String ticket = (String) queued.getResponseBody().blockFirst().get("ticket_id");
            // hasty players cancel within a few ms, patient ones around the 100 ms between passes of a busy pool:
            // both outcomes happen, and the races sit at the boundary
            sleep(ThreadLocalRandom.current().nextInt(0, hasty ? 10 : 150));
            int status =
                    mm.cancel(p, ticket).returnResult(Void.class).getStatus().value();
            mine.add(new Outcome(ticket, status));
            if (status == 409) {
                return;
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
