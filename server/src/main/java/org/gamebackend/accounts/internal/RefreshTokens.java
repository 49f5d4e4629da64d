package org.gamebackend.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.gamebackend.platform.SecurityProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque refresh tokens: 256 random bits, stored only as a SHA-256 hash. A token belongs to a family (one login);
 * every use rotates it. Presenting a token that was already rotated means it was copied: the whole family is revoked.
 */
@Component
class RefreshTokens {

    private final JdbcClient jdbc;
    private final SecurityProperties props;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(JdbcClient jdbc, SecurityProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.props = props;
        this.clock = clock;
    }

    /** What presenting a refresh token found. */
    sealed interface Use {
        record Valid(UUID playerId, UUID familyId) implements Use {}

        /** Already rotated: the family has now been revoked. */
        record Reused(UUID playerId) implements Use {}

        record Invalid(String reason) implements Use {}
    }

    /** Issues a token in a new family (a login) or an existing one (a rotation). Must run in a transaction. */
    String issue(UUID playerId, @Nullable UUID familyId) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        jdbc.sql("insert into refresh_tokens (id, family_id, player_id, token_hash, issued_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        familyId == null ? UUID.randomUUID() : familyId,
                        playerId,
                        hash(token),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(props.refreshTokenTtl())))
                .update();
        return token;
    }

    /** Marks the token used (locking its row) and says whether it may be rotated. Must run in a transaction. */
    Use use(String token) {
        Optional<Row> found = jdbc.sql("select player_id, family_id, expires_at, used_at, revoked_at"
                        + " from refresh_tokens where token_hash = ? for update")
                .param(hash(token))
                .query((rs, i) -> new Row(
                        rs.getObject("player_id", UUID.class),
                        rs.getObject("family_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") != null,
                        rs.getTimestamp("revoked_at") != null))
                .optional();
        if (found.isEmpty()) {
            return new Use.Invalid("unknown refresh token");
        }
        Row row = found.get();
        Instant now = clock.instant();
        if (row.revoked()) {
            return new Use.Invalid("refresh token revoked");
        }
        if (row.used()) {
            revokeFamily(row.familyId());
            return new Use.Reused(row.playerId());
        }
        if (!row.expiresAt().isAfter(now)) {
            return new Use.Invalid("refresh token expired");
        }
        jdbc.sql("update refresh_tokens set used_at = ? where token_hash = ?")
                .params(Timestamp.from(now), hash(token))
                .update();
        return new Use.Valid(row.playerId(), row.familyId());
    }

    /** Revokes the family of {@code token} if it belongs to {@code playerId}; true when a family was found. */
    boolean revokeFamilyOf(String token, UUID playerId) {
        Optional<UUID> family = jdbc.sql("select family_id from refresh_tokens where token_hash = ? and player_id = ?")
                .params(hash(token), playerId)
                .query(UUID.class)
                .optional();
        family.ifPresent(this::revokeFamily);
        return family.isPresent();
    }

    private void revokeFamily(UUID familyId) {
        jdbc.sql("update refresh_tokens set revoked_at = ? where family_id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), familyId)
                .update();
    }

    /**
     * Deletes tokens that expired more than a day ago. A rotated token is kept until then so that presenting it still
     * revokes its family; past its own expiry it would be refused anyway.
     */
    int deleteExpired() {
        return jdbc.sql("delete from refresh_tokens where expires_at < ?")
                .param(Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(1))))
                .update();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private record Row(UUID playerId, UUID familyId, Instant expiresAt, boolean used, boolean revoked) {}
}
