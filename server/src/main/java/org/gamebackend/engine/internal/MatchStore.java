package org.gamebackend.engine.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/** SQL for matches, their players, results, replays and suspended snapshots. */
final class MatchStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    MatchStore(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.events = events;
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
            jdbc.sql("insert into matches (id, game, mode, status, seats, seed, started_at, invite_code)"
                            + " values (?, ?, ?, 'running', ?::jsonb, ?, ?, ?)")
                    .params(SqlParams.of(
                            id.value(),
                            game,
                            mode,
                            json.writeValueAsString(seats),
                            seed,
                            Timestamp.from(startedAt),
                            inviteCode))
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

    /** Result, replay and the {@code MatchFinished} event, in one transaction. */
    void finish(MatchRuntime match, MatchResult result, long ticks, byte[] log, String finalHash, Instant endedAt) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("update matches set status = ?, result = ?::jsonb, tick = ?, ended_at = ?, snapshot = null,"
                            + " snapshot_log = null where id = ?")
                    .params(
                            result.status(),
                            json.writeValueAsString(result.data()),
                            ticks,
                            Timestamp.from(endedAt),
                            match.id.value())
                    .update();
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
        });
    }

    void suspend(MatchId id, long tick, byte[] snapshot, byte[] log) {
        jdbc.sql("update matches set tick = ?, snapshot = ?, snapshot_log = ? where id = ? and status = 'running'")
                .params(tick, snapshot, log, id.value())
                .update();
    }

    /** Matches left running with a snapshot by a graceful shutdown. */
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
     * left out and one just suspended is taken. Rows are locked in id order, so two claims cannot deadlock.
     */
    List<Suspended> claimSuspended(Collection<String> games) {
        if (games.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("update matches m set snapshot = null, snapshot_log = null"
                        + " from (select id, snapshot, snapshot_log from matches"
                        + " where status = 'running' and snapshot is not null and game = any(?)"
                        + " order by id for update) s"
                        + " where m.id = s.id"
                        + " returning m.id, m.game, m.mode, m.seats, m.seed, m.started_at, s.snapshot, s.snapshot_log")
                .param(games.toArray(String[]::new))
                .query(this::suspendedRow)
                .list();
    }

    /** Running matches without a snapshot were lost in a crash: they end as aborted. */
    int abortOrphans(String reason) {
        return jdbc.sql("update matches set status = 'aborted', result = ?::jsonb, ended_at = now()"
                        + " where status = 'running' and snapshot is null")
                .param(json.writeValueAsString(Map.of("reason", reason)))
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
