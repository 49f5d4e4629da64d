package org.gamebackend.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchRequest;
import org.gamebackend.support.FreshDatabase;
import org.gamebackend.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * Several nodes on one database (this machine's PostgreSQL, Redis and RabbitMQ): a node that starts must not end the
 * matches other nodes are running, a suspended match is resumed by one node only, and the matches of a node gone
 * silent are resumed elsewhere or ended as lost, the silent node's own writes fenced off.
 */
class MatchesAcrossNodesTests {

    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    private RunningServer node(String mode, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "DATABASE_URL=" + database.url(),
                "GAME_MODE=" + mode,
                "JWT_SECRET=nodes-tests-secret-0123456789-abcdefghijklm",
                "game.cache.redis.key-prefix=gb:test:" + UUID.randomUUID() + ":cache:v1:",
                "jobrunr.background-job-server.enabled=false"));
        args.addAll(List.of(more));
        return RunningServer.start(args.toArray(String[]::new));
    }

    private static MatchId ticTacToe(MatchEngine engine) {
        return engine.create(new MatchRequest(
                "tictactoe",
                "tictactoe",
                List.of(
                        new MatchRequest.SeatRequest(new PlayerId(UUID.randomUUID()), false, 0),
                        new MatchRequest.SeatRequest(new PlayerId(UUID.randomUUID()), false, 1))));
    }

    private String status(MatchId id) throws SQLException {
        return String.valueOf(column(id, "status"));
    }

    /** One column of the match's row. */
    private @org.jspecify.annotations.Nullable Object column(MatchId id, String column) throws SQLException {
        try (Connection c = database.connect();
                var ps = c.prepareStatement("select " + column + " from matches where id = ?")) {
            ps.setObject(1, id.value());
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getObject(1);
            }
        }
    }

    @Test
    void aNodeStartingInClusterModeLeavesTheOtherNodesMatchesRunning() throws SQLException {
        try (RunningServer a = node("cluster")) {
            MatchEngine engineA = a.context().getBean(MatchEngine.class);
            MatchId id = ticTacToe(engineA);
            try (RunningServer b = node("cluster")) {
                assertThat(b.context().getBean(MatchEngine.class).isRunning()).isTrue();
                assertThat(status(id))
                        .as("not ended as lost by the node that started")
                        .isEqualTo("running");
                assertThat(engineA.live(id)).isPresent();
            }
        }
    }

    @Test
    void aSuspendedMatchIsClaimedOnceAndItsSnapshotTakenOut() throws SQLException {
        MatchId id;
        try (RunningServer a = node("cluster")) {
            id = ticTacToe(a.context().getBean(MatchEngine.class));
        } // a graceful stop: the match is suspended with its snapshot
        try (RunningServer b = node("cluster", "game.engine.resume-on-start=false")) {
            MatchStore store = b.context().getBean(MatchStore.class);
            assertThat(store.suspended()).extracting(MatchStore.Suspended::id).containsExactly(id);
            assertThat(store.claimSuspended(Set.of("arena"), false))
                    .as("only games asked for")
                    .isEmpty();

            List<MatchStore.Suspended> claimed = store.claimSuspended(Set.of("tictactoe", "arena"), false);
            assertThat(claimed).extracting(MatchStore.Suspended::id).containsExactly(id);
            assertThat(claimed.getFirst().snapshot()).isNotEmpty();
            assertThat(claimed.getFirst().log()).isNotNull();

            assertThat(store.claimSuspended(Set.of("tictactoe"), false))
                    .as("a second node finds nothing")
                    .isEmpty();
            assertThat(store.suspended()).isEmpty();
            assertThat(status(id)).isEqualTo("running");
        }
    }

    @Test
    void aClaimWaitsForARowBeingWrittenInsteadOfSkippingIt() throws Exception {
        MatchId id;
        try (RunningServer a = node("cluster")) {
            id = ticTacToe(a.context().getBean(MatchEngine.class));
        }
        try (RunningServer b = node("cluster", "game.engine.resume-on-start=false");
                Connection writer = database.connect()) {
            MatchStore store = b.context().getBean(MatchStore.class);
            // another node writing the match's row (a suspend in flight) holds its lock until it commits
            writer.setAutoCommit(false);
            byte[] newer = {1, 2, 3};
            try (var ps = writer.prepareStatement("update matches set snapshot_log = ? where id = ?")) {
                ps.setBytes(1, newer);
                ps.setObject(2, id.value());
                assertThat(ps.executeUpdate()).isOne();
            }
            var claim = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> store.claimSuspended(Set.of("tictactoe"), false));
            await().atMost(Duration.ofSeconds(10))
                    .alias("the claim waits for the writer's lock")
                    .until(this::waitingForALock);
            assertThat(claim).isNotDone();
            writer.commit();

            List<MatchStore.Suspended> claimed = claim.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(claimed).extracting(MatchStore.Suspended::id).containsExactly(id);
            assertThat(claimed.getFirst().log())
                    .as("the row as the writer left it")
                    .isEqualTo(newer);
            assertThat(store.suspended()).isEmpty();
        }
    }

    /** Whether a session on this test's database waits for a row lock (asked on a new connection each time). */
    private boolean waitingForALock() throws SQLException {
        try (Connection c = database.connect();
                var ps = c.prepareStatement("select count(*) from pg_stat_activity"
                        + " where datname = current_database() and wait_event_type = 'Lock'");
                var rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    @Test
    void aMatchWhoseNodeDiedResumesFromItsDurableSnapshot() throws SQLException {
        try (RunningServer a = node("connected", "game.engine.durable-every=1s", "game.engine.snapshot-every=2")) {
            MatchEngine engineA = a.context().getBean(MatchEngine.class);
            MatchId id = ticTacToe(engineA);
            engineA.connected(id, 0);
            engineA.connected(id, 1);
            byte[] move = "{\"cell\":4}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(engineA.input(id, 0, move).join().result()).isEqualTo(org.gamebackend.engine.InputResult.ok());
            JsonMapper mapper = a.context().getBean(JsonMapper.class);
            // the board with the move, not just "X" (the marks carry that from the start)
            String moved = "\"board\":[\"\",\"\",\"\",\"\",\"X\"";
            await().atMost(Duration.ofSeconds(10)).until(() -> snapshotShows(mapper, id, moved));

            // node A "crashes": it never suspends its match, and B starts on the same database
            try (RunningServer b = node("connected", "game.engine.durable-every=0s")) {
                MatchEngine engineB = b.context().getBean(MatchEngine.class);
                MatchEngine.LiveMatch resumed = engineB.live(id).orElseThrow();
                assertThat(String.valueOf(((RawValue) resumed.state()).rawValue()))
                        .contains(moved);
                assertThat(status(id)).isEqualTo("running");
            }
        }
    }

    @Test
    void aSilentClusterNodesMatchesResumeOnAnotherNodeOrEndAsLost() throws Exception {
        // A writes its heartbeat once, at its start: to a node whose timeout is 1 s it is dead a second later
        try (RunningServer a = node(
                "cluster",
                "game.engine.durable-every=1s",
                "game.engine.snapshot-every=2",
                "game.engine.node-heartbeat=1h",
                "game.engine.node-timeout=2h")) {
            MatchEngine engineA = a.context().getBean(MatchEngine.class);
            MatchId played = ticTacToe(engineA);
            engineA.connected(played, 0);
            byte[] move = "{\"cell\":4}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(engineA.input(played, 0, move).join().result())
                    .isEqualTo(org.gamebackend.engine.InputResult.ok());
            JsonMapper mapper = a.context().getBean(JsonMapper.class);
            String moved = "\"board\":[\"\",\"\",\"\",\"\",\"X\"";
            await().atMost(Duration.ofSeconds(10)).until(() -> snapshotShows(mapper, played, moved));
            // a match of a node that died an hour ago, before its first durable snapshot
            UUID deadNode = UUID.randomUUID();
            MatchId lost = MatchId.random();
            try (Connection c = database.connect()) {
                execute(
                        c,
                        "insert into engine_nodes (id, started_at, seen_at)" + " values ('" + deadNode
                                + "', now() - interval '2 hours', now() - interval '1 hour')");
                execute(
                        c,
                        "insert into matches (id, game, mode, status, seats, seed, started_at, node_id) values ('"
                                + lost.value() + "', 'tictactoe', 'tictactoe', 'running', '[]', 1, now(), '" + deadNode
                                + "')");
            }

            // B writes no durable snapshot of its own, so any snapshot in the row after B's claim would be A's
            try (RunningServer b = node(
                    "cluster",
                    "game.engine.node-heartbeat=200ms",
                    "game.engine.node-timeout=1s",
                    "game.engine.durable-every=0s")) {
                MatchEngine engineB = b.context().getBean(MatchEngine.class);
                UUID nodeB = b.context().getBean(MatchStore.class).node();
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> engineB.live(played).isPresent());
                assertThat(String.valueOf(
                                ((RawValue) engineB.live(played).orElseThrow().state()).rawValue()))
                        .as("resumed from A's durable snapshot")
                        .contains(moved);
                assertThat(column(played, "node_id")).isEqualTo(nodeB);
                assertThat(status(played)).isEqualTo("running");
                await().atMost(Duration.ofSeconds(10)).until(() -> status(lost).equals("aborted"));
                assertThat(String.valueOf(column(lost, "result"))).contains("node_lost");
                await().atMost(Duration.ofSeconds(10)).until(() -> !nodeRowExists(deadNode));

                // A still runs its copy, but may not write to a match that is B's now
                assertThat(engineA.live(played)).isPresent();
                java.util.concurrent.locks.LockSupport.parkNanos(
                        Duration.ofMillis(2500).toNanos());
                assertThat(column(played, "snapshot"))
                        .as("A's durable writer (every 1 s) is fenced off")
                        .isNull();
            }
        }
    }

    @Test
    void aNodeThatFindsItsMatchTakenEndsItThereWritingNothing() throws Exception {
        try (RunningServer c = node("cluster", "game.engine.node-heartbeat=200ms", "game.engine.node-timeout=1s")) {
            MatchEngine engine = c.context().getBean(MatchEngine.class);
            UUID nodeC = c.context().getBean(MatchStore.class).node();
            MatchId id = ticTacToe(engine);
            UUID other = UUID.randomUUID();
            // as if C had been silent past the timeout: another node took its match and forgot C's row
            try (Connection db = database.connect()) {
                // the other node is alive (its row is fresh for the next hour)
                execute(
                        db,
                        "insert into engine_nodes (id, started_at, seen_at)" + " values ('" + other
                                + "', now(), now() + interval '1 hour')");
                execute(db, "update matches set node_id = '" + other + "' where id = '" + id.value() + "'");
                execute(db, "delete from engine_nodes where id = '" + nodeC + "'");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> engine.live(id).isEmpty());
            await().atMost(Duration.ofSeconds(10)).until(() -> nodeRowExists(nodeC));
            assertThat(status(id)).as("the result C reached is not written").isEqualTo("running");
            assertThat(column(id, "node_id")).isEqualTo(other);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private boolean nodeRowExists(UUID node) throws SQLException {
        try (Connection c = database.connect();
                var ps = c.prepareStatement("select count(*) from engine_nodes where id = ?")) {
            ps.setObject(1, node);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    /** Whether the match's row holds a snapshot whose JSON contains {@code text}. */
    private boolean snapshotShows(JsonMapper mapper, MatchId id, String text) throws SQLException {
        if (!(column(id, "snapshot") instanceof byte[] snapshot)) {
            return false;
        }
        Snapshot s = mapper.readValue(snapshot, Snapshot.class);
        return new String(s.state(), java.nio.charset.StandardCharsets.UTF_8).contains(text);
    }
}
