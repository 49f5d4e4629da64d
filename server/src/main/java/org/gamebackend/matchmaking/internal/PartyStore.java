package org.gamebackend.matchmaking.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.matchmaking.PartyId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Parties in PostgreSQL. A player is in at most one party (the primary key of {@code party_members}). */
final class PartyStore {

    /** @param members in the order they joined; the leader is one of them */
    record Party(PartyId id, PlayerId leader, String inviteCode, List<PlayerId> members) {

        boolean has(PlayerId player) {
            return members.contains(player);
        }
    }

    /** Thrown when a player who is already in a party creates or joins one. */
    static final class AlreadyInParty extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyInParty() {
            super("already in a party", null, false, false);
        }
    }

    // no 0/O, 1/I: codes are read out loud
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SecureRandom random = new SecureRandom();

    PartyStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    Party create(PlayerId leader, Instant now) {
        PartyId id = PartyId.random();
        String code = code();
        try {
            tx.executeWithoutResult(s -> {
                jdbc.sql("insert into parties (id, leader, invite_code, created_at) values (?, ?, ?, ?)")
                        .params(id.value(), leader.value(), code, Timestamp.from(now))
                        .update();
                addMember(id, leader, now);
            });
        } catch (DuplicateKeyException e) {
            throw new AlreadyInParty();
        }
        return new Party(id, leader, code, List.of(leader));
    }

    Optional<Party> find(PartyId id) {
        return jdbc.sql("select leader, invite_code from parties where id = ?")
                .param(id.value())
                .query((rs, n) ->
                        new Party(id, new PlayerId(rs.getObject(1, UUID.class)), rs.getString(2), members(id)))
                .optional();
    }

    Optional<Party> ofPlayer(PlayerId player) {
        return jdbc.sql("select party_id from party_members where player_id = ?")
                .param(player.value())
                .query((rs, n) -> new PartyId(rs.getObject(1, UUID.class)))
                .optional()
                .flatMap(this::find);
    }

    Optional<PartyId> byCode(String code) {
        return jdbc.sql("select id from parties where invite_code = ?")
                .param(code)
                .query((rs, n) -> new PartyId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /** Adds a member if the party has room; false when it is full. */
    boolean join(PartyId id, PlayerId player, int maxSize, Instant now) {
        try {
            Boolean joined = tx.execute(s -> {
                // lock the party row so two joins cannot both take the last place
                jdbc.sql("select id from parties where id = ? for update")
                        .param(id.value())
                        .query()
                        .singleValue();
                if (members(id).size() >= maxSize) {
                    return false;
                }
                addMember(id, player, now);
                return true;
            });
            return Boolean.TRUE.equals(joined);
        } catch (DuplicateKeyException e) {
            throw new AlreadyInParty();
        }
    }

    /**
     * Removes a member. A leader who leaves hands the party to the member who joined earliest; the last member to
     * leave ends the party. Returns the party as it is afterwards, empty when it ended.
     */
    Optional<Party> leave(PartyId id, PlayerId player) {
        return tx.execute(s -> {
            jdbc.sql("delete from party_members where party_id = ? and player_id = ?")
                    .params(id.value(), player.value())
                    .update();
            List<PlayerId> left = members(id);
            if (left.isEmpty()) {
                jdbc.sql("delete from parties where id = ?").param(id.value()).update();
                return Optional.<Party>empty();
            }
            jdbc.sql("update parties set leader = ? where id = ? and leader = ?")
                    .params(left.getFirst().value(), id.value(), player.value())
                    .update();
            return find(id);
        });
    }

    private List<PlayerId> members(PartyId id) {
        return jdbc.sql("select player_id from party_members where party_id = ? order by joined_at, player_id")
                .param(id.value())
                .query((rs, n) -> new PlayerId(rs.getObject(1, UUID.class)))
                .list();
    }

    private void addMember(PartyId id, PlayerId player, Instant now) {
        jdbc.sql("insert into party_members (player_id, party_id, joined_at) values (?, ?, ?)")
                .params(player.value(), id.value(), Timestamp.from(now))
                .update();
    }

    private String code() {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }
}
