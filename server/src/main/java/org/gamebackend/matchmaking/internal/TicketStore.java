package org.gamebackend.matchmaking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.gamebackend.matchmaking.PartyId;
import org.gamebackend.matchmaking.TicketId;
import org.gamebackend.platform.SqlParams;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tickets in PostgreSQL: the source of truth for who is searching. Every change of status is conditional on the status
 * it leaves, so a cancel and a match racing for one ticket cannot both win.
 */
final class TicketStore {

    /** A ticket as stored. */
    record Row(
            TicketId id,
            String mode,
            String region,
            Map<String, Integer> latencies,
            @Nullable PartyId party,
            List<Ticket.Member> members,
            String status,
            @Nullable String reason,
            @Nullable MatchId matchId,
            Instant queuedAt,
            Instant expiresAt,
            Ticket.@Nullable Backfill backfill,
            double rating) {

        boolean holds(PlayerId player) {
            return members.stream().anyMatch(m -> m.player().equals(player));
        }

        Ticket toTicket() {
            Ticket t = backfill != null
                    ? Ticket.backfill(id, mode, region, backfill, rating, queuedAt.toEpochMilli())
                    : new Ticket(id, mode, region, latencies, members, party, queuedAt.toEpochMilli());
            t.expiresAt = expiresAt.toEpochMilli();
            return t;
        }
    }

    /** Thrown when one of a new ticket's players already has an active ticket. */
    static final class AlreadyQueued extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyQueued(String message) {
            super(message, null, false, false);
        }
    }

    private record StoredMember(String playerId, double rating) {}

    private static final TypeReference<List<StoredMember>> MEMBERS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Integer>> LATENCIES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    TicketStore(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    /** Stores a new searching ticket; {@link AlreadyQueued} when one of its players has an active ticket. */
    void insert(Ticket t, Instant now) {
        List<StoredMember> members = t.members.stream()
                .map(m -> new StoredMember(m.player().toString(), m.rating()))
                .toList();
        try {
            tx.executeWithoutResult(status -> {
                jdbc.sql("insert into matchmaking_tickets (id, mode, region, latencies, party_id, players, status,"
                                + " queued_at, expires_at, updated_at, backfill_match, backfill_seat, backfill_team,"
                                + " rating) values (?, ?, ?, ?::jsonb, ?, ?::jsonb, 'searching', ?, ?, ?, ?, ?, ?, ?)")
                        .params(SqlParams.of(
                                t.id.value(),
                                t.mode,
                                t.region,
                                json.writeValueAsString(t.latencies),
                                t.party == null ? null : t.party.value(),
                                json.writeValueAsString(members),
                                new Timestamp(t.queuedAt),
                                new Timestamp(t.expiresAt),
                                Timestamp.from(now),
                                t.backfill == null ? null : t.backfill.match().value(),
                                t.backfill == null ? null : t.backfill.seat(),
                                t.backfill == null ? null : t.backfill.team(),
                                t.rating))
                        .update();
                for (Ticket.Member m : t.members) {
                    jdbc.sql("insert into matchmaking_ticket_players (player_id, ticket_id) values (?, ?)")
                            .params(m.player().value(), t.id.value())
                            .update();
                }
            });
        } catch (DuplicateKeyException e) {
            throw new AlreadyQueued("a player of this ticket is already searching");
        }
    }

    Optional<Row> find(TicketId id) {
        return jdbc.sql("select * from matchmaking_tickets where id = ?")
                .param(id.value())
                .query(this::row)
                .optional();
    }

    /** The region a match was made in, from its tickets (for backfill requests). */
    Optional<String> regionOf(MatchId match) {
        return jdbc.sql("select region from matchmaking_tickets where match_id = ? limit 1")
                .param(match.value())
                .query(String.class)
                .optional();
    }

    /** The active ticket holding a player, if any. */
    Optional<TicketId> activeOf(PlayerId player) {
        return jdbc.sql("select ticket_id from matchmaking_ticket_players where player_id = ?")
                .param(player.value())
                .query((rs, n) -> new TicketId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /**
     * Ends a searching ticket ({@code cancelled} with a reason, or {@code expired}); false when it was not searching.
     */
    boolean end(TicketId id, String status, @Nullable String reason, Instant now) {
        Boolean ended = tx.execute(s -> {
            int n = jdbc.sql("update matchmaking_tickets set status = ?, reason = ?, updated_at = ?"
                            + " where id = ? and status = 'searching'")
                    .params(SqlParams.of(status, reason, Timestamp.from(now), id.value()))
                    .update();
            release(id);
            return n == 1;
        });
        return Boolean.TRUE.equals(ended);
    }

    /**
     * Claims a group's tickets for a match: all of them move from searching to matched, or none does (false: one was
     * cancelled or expired meanwhile).
     */
    boolean claim(List<TicketId> ids, Instant now) {
        Boolean claimed = tx.execute(s -> {
            for (TicketId id : ids) {
                int n = jdbc.sql("update matchmaking_tickets set status = 'matched', updated_at = ?"
                                + " where id = ? and status = 'searching'")
                        .params(Timestamp.from(now), id.value())
                        .update();
                if (n != 1) {
                    s.setRollbackOnly();
                    return false;
                }
            }
            return true;
        });
        return Boolean.TRUE.equals(claimed);
    }

    /** The placement failed: claimed tickets search again. */
    void unclaim(List<TicketId> ids, Instant now) {
        tx.executeWithoutResult(
                s -> ids.forEach(id -> jdbc.sql("update matchmaking_tickets set status = 'searching', updated_at = ?"
                                + " where id = ? and status = 'matched' and match_id is null")
                        .params(Timestamp.from(now), id.value())
                        .update()));
    }

    /** The match exists: record it, and free the players to queue again once it ends. */
    void matched(List<TicketId> ids, MatchId match, Instant now) {
        tx.executeWithoutResult(s -> ids.forEach(id -> {
            jdbc.sql("update matchmaking_tickets set match_id = ?, updated_at = ? where id = ?")
                    .params(match.value(), Timestamp.from(now), id.value())
                    .update();
            release(id);
        }));
    }

    /** A matched ticket that will not play after all: its player did not show up, or its match is gone. */
    void cancelClaimed(TicketId id, String reason, Instant now) {
        jdbc.sql("update matchmaking_tickets set status = 'cancelled', reason = ?, updated_at = ?"
                        + " where id = ? and status = 'matched'")
                .params(reason, Timestamp.from(now), id.value())
                .update();
    }

    /**
     * A matched ticket goes back to searching, its waiting time kept (its match was called off by a no-show). False,
     * and the ticket is cancelled, when one of its players has queued again meanwhile.
     */
    boolean requeue(Row ticket, Instant now) {
        Boolean back = tx.execute(s -> {
            for (Ticket.Member m : ticket.members()) {
                int n = jdbc.sql("insert into matchmaking_ticket_players (player_id, ticket_id) values (?, ?)"
                                + " on conflict do nothing")
                        .params(m.player().value(), ticket.id().value())
                        .update();
                if (n != 1) {
                    s.setRollbackOnly();
                    return false;
                }
            }
            return jdbc.sql("update matchmaking_tickets set status = 'searching', match_id = null,"
                                    + " reason = 'requeued', updated_at = ?"
                                    + " where id = ? and status = 'matched'")
                            .params(Timestamp.from(now), ticket.id().value())
                            .update()
                    == 1;
        });
        if (!Boolean.TRUE.equals(back)) {
            end(ticket.id(), "cancelled", "queued_again", now);
            return false;
        }
        return true;
    }

    /**
     * Every searching ticket, for the pairing index at start. Tickets left half-placed by a crash (matched, no match)
     * search again first: those claimed before {@code claimedBefore} (in cluster mode a minute ago, since another node
     * may be placing the newer ones right now).
     */
    List<Row> loadSearching(Instant now, Instant claimedBefore) {
        releaseStaleClaims(now, claimedBefore);
        return jdbc.sql("select * from matchmaking_tickets where status = 'searching' order by queued_at")
                .query(this::row)
                .list();
    }

    /** Tickets claimed before {@code claimedBefore} and never placed (their node died placing them) search again. */
    int releaseStaleClaims(Instant now, Instant claimedBefore) {
        return jdbc.sql("update matchmaking_tickets set status = 'searching', updated_at = ?"
                        + " where status = 'matched' and match_id is null and updated_at < ?")
                .params(Timestamp.from(now), Timestamp.from(claimedBefore))
                .update();
    }

    /**
     * Tickets written since {@code since} (queued, ended, claimed or put back), oldest change first: what a cluster
     * node reads to follow the tickets of the other nodes (index on {@code updated_at}).
     */
    List<Row> changedSince(Instant since) {
        return jdbc.sql("select * from matchmaking_tickets where updated_at >= ? order by updated_at")
                .param(Timestamp.from(since))
                .query(this::row)
                .list();
    }

    /** The clean-up job: ended tickets older than {@code before}. */
    int deleteEndedBefore(Instant before) {
        return jdbc.sql("delete from matchmaking_tickets where updated_at < ?"
                        + " and (status in ('cancelled', 'expired') or (status = 'matched' and match_id is not null))")
                .param(Timestamp.from(before))
                .update();
    }

    private void release(TicketId id) {
        jdbc.sql("delete from matchmaking_ticket_players where ticket_id = ?")
                .param(id.value())
                .update();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        UUID party = rs.getObject("party_id", UUID.class);
        UUID match = rs.getObject("match_id", UUID.class);
        UUID backfillMatch = rs.getObject("backfill_match", UUID.class);
        Double rating = rs.getObject("rating", Double.class);
        List<Ticket.Member> members = json.readValue(rs.getString("players"), MEMBERS).stream()
                .map(m -> new Ticket.Member(PlayerId.parse(m.playerId()), m.rating()))
                .toList();
        return new Row(
                new TicketId(rs.getObject("id", UUID.class)),
                rs.getString("mode"),
                rs.getString("region"),
                json.readValue(rs.getString("latencies"), LATENCIES),
                party == null ? null : new PartyId(party),
                members,
                rs.getString("status"),
                rs.getString("reason"),
                match == null ? null : new MatchId(match),
                rs.getTimestamp("queued_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                backfillMatch == null
                        ? null
                        : new Ticket.Backfill(
                                new MatchId(backfillMatch), rs.getInt("backfill_seat"), rs.getInt("backfill_team")),
                rating == null ? Double.NaN : rating);
    }
}
