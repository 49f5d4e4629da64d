package org.gamebackend.engine.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gamebackend.engine.MatchFinished;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchResult;
import org.gamebackend.engine.MatchSummary;
import org.gamebackend.engine.Seat;
import org.gamebackend.platform.SqlParams;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for matches, their players, results, replays and suspended snapshots, and for the engine nodes on the database.
 * Each running match names the node that runs it ({@code node_id}); every write this node makes to a running match
 * is conditioned on that, so a node another node has taken a match from (after it was silent past the node timeout)
 * cannot overwrite it.
 */
final class MatchStore {

    /** Whether the node of a match ({@code m.node_id}) is alive: it wrote its row within the timeout (one parameter). */
    private static final String NODE_ALIVE = "exists (select 1 from engine_nodes n where n.id = m.node_id"
            + " and n.seen_at > now() - make_interval(secs => ?))";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final UUID node;
    private final double timeoutSeconds;

    MatchStore(
            JdbcClient jdbc,
            TransactionTemplate tx,
            JsonMapper json,
            ApplicationEventPublisher events,
            UUID node,
            java.time.Duration nodeTimeout) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.events = events;
        this.node = node;
        this.timeoutSeconds = nodeTimeout.toMillis() / 1000.0;
    }

    /** This node's id (new at each start). */
    UUID node() {
        return node;
    }

    // --- nodes -----------------------------------------------------------------------------------------------------

    /**
     * Writes this node's row with the database's time. Returns false when the row was missing (first beat, or
     * another node forgot this one as dead); it is written again either way.
     */
    boolean beat() {
        int seen = jdbc.sql("update engine_nodes set seen_at = now() where id = ?")
                .param(node)
                .update();
        if (seen == 1) {
            return true;
        }
        jdbc.sql("insert into engine_nodes (id, started_at, seen_at) values (?, now(), now())"
                        + " on conflict (id) do update set seen_at = now()")
                .param(node)
                .update();
        return false;
    }

    /** A graceful stop: this node is gone (its matches were suspended with no node first). */
    void leave() {
        jdbc.sql("delete from engine_nodes where id = ?").param(node).update();
    }

    /** Forgets dead nodes that run no match any more; returns how many. */
    int forgetDeadNodes() {
        return jdbc.sql("delete from engine_nodes e where e.seen_at <= now() - make_interval(secs => ?)"
                        + " and not exists (select 1 from matches m where m.node_id = e.id and m.status = 'running')")
                .param(timeoutSeconds)
                .update();
    }

    /**
     * Whether a heartbeat has anything to take over: a dead node's row, or a match suspended with no node. Two index
     * lookups, so the claim and the lost-match queries (which read every running match) run only when needed.
     */
    boolean anythingToTakeOver() {
        return Boolean.TRUE.equals(jdbc.sql("select exists (select 1 from engine_nodes"
                        + " where seen_at <= now() - make_interval(secs => ?))"
                        + " or exists (select 1 from matches where status = 'running' and node_id is null"
                        + " and snapshot is not null)")
                .param(timeoutSeconds)
                .query(Boolean.class)
                .single());
    }

    /** Which of these matches are still this node's (running, and not taken over by another node). */
    Set<MatchId> stillMine(Collection<MatchId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select id from matches where id = any(?) and status = 'running' and node_id = ?")
                .params(ids.stream().map(MatchId::value).toArray(UUID[]::new), node)
                .query((rs, row) -> new MatchId(rs.getObject(1, UUID.class)))
                .list());
    }

    void insert(
            MatchId id,
            String game,
            String mode,
            List<Seat> seats,
            long seed,
            Instant startedAt,
            @Nullable String inviteCode) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("insert into matches (id, game, mode, status, seats, seed, started_at, invite_code, node_id)"
                            + " values (?, ?, ?, 'running', ?::jsonb, ?, ?, ?, ?)")
                    .params(SqlParams.of(
                            id.value(),
                            game,
                            mode,
                            json.writeValueAsString(seats),
                            seed,
                            Timestamp.from(startedAt),
                            inviteCode,
                            node))
                    .update();
            for (Seat s : seats) {
                jdbc.sql("insert into match_players (match_id, seat, player_id, bot, team) values (?, ?, ?, ?, ?)")
                        .params(id.value(), s.index(), s.player().value(), s.bot(), s.team())
                        .update();
            }
        });
    }

    /**
     * A seat changed hands (backfill): "matches of a player" now lists the new player. The match's {@code seats} keep
     * the seats it started with, which is what a replay starts from (the log holds the change).
     */
    void seatFilled(MatchId id, Seat seat) {
        jdbc.sql("update match_players set player_id = ?, bot = ? where match_id = ? and seat = ?")
                .params(seat.player().value(), seat.bot(), id.value(), seat.index())
                .update();
    }

    /**
     * Result, replay and the {@code MatchFinished} event, in one transaction. Returns false, writing nothing, when the
     * match is no longer this node's (another node took it over while this one was silent).
     */
    boolean finish(MatchRuntime match, MatchResult result, long ticks, byte[] log, String finalHash, Instant endedAt) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            int mine = jdbc.sql(
                            "update matches set status = ?, result = ?::jsonb, tick = ?, ended_at = ?,"
                                    + " snapshot = null, snapshot_log = null where id = ? and status = 'running' and node_id = ?")
                    .params(
                            result.status(),
                            json.writeValueAsString(result.data()),
                            ticks,
                            Timestamp.from(endedAt),
                            match.id.value(),
                            node)
                    .update();
            if (mine == 0) {
                return false;
            }
            jdbc.sql("insert into match_replays (match_id, game, seed, ticks, input_log, final_state_hash)"
                            + " values (?, ?, ?, ?, ?, ?) on conflict (match_id) do nothing")
                    .params(match.id.value(), match.game(), match.seed, ticks, log, finalHash)
                    .update();
            events.publishEvent(new MatchFinished(
                    match.id,
                    match.game(),
                    match.mode,
                    match.seats,
                    result.status(),
                    result.data(),
                    match.startedAt,
                    endedAt));
            return true;
        }));
    }

    /** A durable snapshot of a match this node runs: it stays this node's, and resumes elsewhere if this node dies. */
    void keep(MatchId id, long tick, byte[] snapshot, byte[] log) {
        jdbc.sql("update matches set tick = ?, snapshot = ?, snapshot_log = ?"
                        + " where id = ? and status = 'running' and node_id = ?")
                .params(tick, snapshot, log, id.value(), node)
                .update();
    }

    /** A graceful stop: the match's snapshot, and no node, so any node may resume it. */
    void suspend(MatchId id, long tick, byte[] snapshot, byte[] log) {
        jdbc.sql("update matches set tick = ?, snapshot = ?, snapshot_log = ?, node_id = null"
                        + " where id = ? and status = 'running' and node_id = ?")
                .params(tick, snapshot, log, id.value(), node)
                .update();
    }

    /** Matches running with a snapshot: suspended, or with a durable snapshot. */
    List<Suspended> suspended() {
        return jdbc.sql("select id, game, mode, seats, seed, started_at, snapshot, snapshot_log from matches"
                        + " where status = 'running' and snapshot is not null")
                .query(this::suspendedRow)
                .list();
    }

    private Suspended suspendedRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Suspended(
                new MatchId(rs.getObject("id", UUID.class)),
                rs.getString("game"),
                rs.getString("mode"),
                seats(rs.getString("seats")),
                rs.getLong("seed"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getBytes("snapshot"),
                rs.getBytes("snapshot_log"));
    }

    /**
     * Takes every suspended match of the given games out of the table's care: returns them and clears their snapshots
     * in one statement. A row being written (a node suspending it this moment) or claimed by another node is waited
     * for, not skipped: once that commits the row is read again, so a match just claimed elsewhere (snapshot gone) is
     * left out and one just suspended is taken. Rows are locked in id order, so two claims cannot deadlock. The
     * claimed matches become this node's.
     *
     * @param evenOfLiveNodes also matches whose node still beats (a single node at its start: whatever ran before
     *     was its own previous run); otherwise only those suspended with no node or whose node is dead
     */
    List<Suspended> claimSuspended(Collection<String> games, boolean evenOfLiveNodes) {
        if (games.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("update matches t set snapshot = null, snapshot_log = null, node_id = ?"
                        + " from (select id, snapshot, snapshot_log from matches m"
                        + " where status = 'running' and snapshot is not null and game = any(?)"
                        + " and (? or node_id is null or not " + NODE_ALIVE + ")"
                        + " order by id for update of m) s"
                        + " where t.id = s.id"
                        + " returning t.id, t.game, t.mode, t.seats, t.seed, t.started_at, s.snapshot, s.snapshot_log")
                .params(node, games.toArray(String[]::new), evenOfLiveNodes, timeoutSeconds)
                .query(this::suspendedRow)
                .list();
    }

    /** Ends a match of this node as aborted, writing nothing else (a match that could not be resumed). */
    void abort(MatchId id, String reason) {
        jdbc.sql("update matches set status = 'aborted', result = ?::jsonb, ended_at = now()"
                        + " where id = ? and status = 'running' and node_id = ?")
                .params(json.writeValueAsString(Map.of("reason", reason)), id.value(), node)
                .update();
    }

    /** The games of matches suspended by a graceful shutdown (no node), waiting for a node to resume them. */
    List<String> suspendedGames() {
        return jdbc.sql("select distinct game from matches"
                        + " where status = 'running' and snapshot is not null and node_id is null")
                .query(String.class)
                .list();
    }

    /**
     * Running matches without a snapshot that no node runs end as aborted: all of them ({@code all}: a single node
     * at its start), or only those of dead nodes (cluster mode: a match with no node and no snapshot may be running
     * on a node started before nodes were recorded).
     */
    int abortLost(String reason, boolean all) {
        return jdbc.sql("update matches m set status = 'aborted', result = ?::jsonb, ended_at = now()"
                        + " where status = 'running' and snapshot is null"
                        + " and (? or (node_id is not null and not " + NODE_ALIVE + "))")
                .params(json.writeValueAsString(Map.of("reason", reason)), all, timeoutSeconds)
                .update();
    }

    Optional<MatchSummary> find(MatchId id) {
        return jdbc.sql("select id, game, mode, status, seats, tick, result, started_at, ended_at from matches"
                        + " where id = ?")
                .param(id.value())
                .query(this::summary)
                .optional();
    }

    List<MatchSummary> findAll(List<MatchId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, game, mode, status, seats, tick, result, started_at, ended_at from matches"
                        + " where id = any(?)")
                .param(ids.stream().map(MatchId::value).toArray(UUID[]::new))
                .query(this::summary)
                .list();
    }

    Optional<MatchId> byInviteCode(String code) {
        return jdbc.sql("select id from matches where invite_code = ? and status = 'running'")
                .param(code)
                .query((rs, i) -> new MatchId(rs.getObject("id", UUID.class)))
                .optional();
    }

    Optional<Replay> replay(MatchId id) {
        return jdbc.sql("select r.game, r.seed, r.ticks, r.input_log, r.final_state_hash, m.seats, m.status, m.result"
                        + " from match_replays r"
                        + " join matches m on m.id = r.match_id where r.match_id = ?")
                .param(id.value())
                .query((rs, i) -> new Replay(
                        id,
                        rs.getString("game"),
                        rs.getLong("seed"),
                        rs.getLong("ticks"),
                        seats(rs.getString("seats")),
                        rs.getBytes("input_log"),
                        rs.getString("final_state_hash"),
                        rs.getString("status"),
                        resultOf(rs.getString("result"))))
                .optional();
    }

    private MatchSummary summary(ResultSet rs, int row) throws SQLException {
        String result = rs.getString("result");
        Timestamp ended = rs.getTimestamp("ended_at");
        return new MatchSummary(
                new MatchId(rs.getObject("id", UUID.class)),
                rs.getString("game"),
                rs.getString("mode"),
                rs.getString("status"),
                seats(rs.getString("seats")),
                rs.getLong("tick"),
                result == null ? null : resultOf(result),
                rs.getTimestamp("started_at").toInstant(),
                ended == null ? null : ended.toInstant());
    }

    private Map<String, @Nullable Object> resultOf(@Nullable String result) {
        return result == null
                ? Map.of()
                : json.readValue(result, new TypeReference<Map<String, @Nullable Object>>() {});
    }

    private List<Seat> seats(String seatsJson) {
        return json.readValue(seatsJson, new TypeReference<List<Seat>>() {});
    }

    record Suspended(
            MatchId id,
            String game,
            String mode,
            List<Seat> seats,
            long seed,
            Instant startedAt,
            byte[] snapshot,
            byte[] log) {}

    record Replay(
            MatchId id,
            String game,
            long seed,
            long ticks,
            List<Seat> seats,
            byte[] log,
            String finalHash,
            String status,
            Map<String, @Nullable Object> result) {}
}
