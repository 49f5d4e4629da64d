package org.gamebackend.accounts.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gamebackend.platform.SqlParams;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code players}. Usernames and emails compare case-insensitively. */
@Repository
class PlayerRepository {

    private static final String COLUMNS = "id, username, email, password_hash, display_name, region, roles, guest,"
            + " device_id, failed_logins, locked_until";

    private final JdbcClient jdbc;

    PlayerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Player> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from players where id = ?")
                .param(id)
                .query(PlayerRepository::map)
                .optional();
    }

    List<Player> findAllById(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from players where id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query(PlayerRepository::map)
                .list();
    }

    /** By username, or by email when the login contains '@'. */
    Optional<Player> findByLogin(String login) {
        String column = login.contains("@") ? "email" : "username";
        return jdbc.sql("select " + COLUMNS + " from players where lower(" + column + ") = lower(?)")
                .param(login)
                .query(PlayerRepository::map)
                .optional();
    }

    Optional<Player> findByDevice(String deviceId) {
        return jdbc.sql("select " + COLUMNS + " from players where device_id = ?")
                .param(deviceId)
                .query(PlayerRepository::map)
                .optional();
    }

    boolean usernameTaken(String username) {
        return exists("lower(username) = lower(?)", username);
    }

    boolean emailTaken(String email) {
        return exists("lower(email) = lower(?)", email);
    }

    private boolean exists(String condition, String value) {
        return jdbc.sql("select exists(select 1 from players where " + condition + ")")
                .param(value)
                .query(Boolean.class)
                .single();
    }

    void insert(Player p) {
        jdbc.sql("insert into players (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?)")
                .params(SqlParams.of(
                        p.id(),
                        p.username(),
                        p.email(),
                        p.passwordHash(),
                        p.displayName(),
                        p.region(),
                        toArray(p.roles()),
                        p.guest(),
                        p.deviceId(),
                        p.failedLogins(),
                        timestamp(p.lockedUntil())))
                .update();
    }

    /** Inserts a guest unless the device already has a player; true when this call created it. */
    boolean insertGuestIfAbsent(Player p) {
        return jdbc.sql("insert into players (id, username, display_name, roles, guest, device_id)"
                                + " values (?, ?, ?, ?::text[], true, ?) on conflict (device_id) do nothing")
                        .params(SqlParams.of(p.id(), p.username(), p.displayName(), toArray(p.roles()), p.deviceId()))
                        .update()
                == 1;
    }

    void updateProfile(UUID id, String displayName, @Nullable String region) {
        jdbc.sql("update players set display_name = ?, region = ?, updated_at = now() where id = ?")
                .params(SqlParams.of(displayName, region, id))
                .update();
    }

    void upgradeGuest(UUID id, String username, String email, String passwordHash) {
        jdbc.sql("update players set username = ?, email = ?, password_hash = ?, guest = false, updated_at = now()"
                        + " where id = ? and guest")
                .params(username, email, passwordHash, id)
                .update();
    }

    void updatePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("update players set password_hash = ?, updated_at = now() where id = ?")
                .params(passwordHash, id)
                .update();
    }

    void recordLoginSuccess(UUID id) {
        jdbc.sql("update players set failed_logins = 0, locked_until = null where id = ? and failed_logins > 0")
                .param(id)
                .update();
    }

    /** Counts a failed login; at {@code maxFailures} the account is locked until {@code lockUntil}. */
    void recordLoginFailure(UUID id, int maxFailures, Instant lockUntil) {
        jdbc.sql("""
                        update players set
                          failed_logins = case when failed_logins + 1 >= ? then 0 else failed_logins + 1 end,
                          locked_until  = case when failed_logins + 1 >= ? then ? else locked_until end
                        where id = ?""")
                .params(maxFailures, maxFailures, Timestamp.from(lockUntil), id)
                .update();
    }

    List<Player> page(int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " from players order by created_at, id limit ? offset ?")
                .params(limit, offset)
                .query(PlayerRepository::map)
                .list();
    }

    private static String toArray(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Player map(ResultSet rs, int row) throws SQLException {
        Array roles = rs.getArray("roles");
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Player(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("email"),
                rs.getString("password_hash"),
                rs.getString("display_name"),
                rs.getString("region"),
                Arrays.asList((String[]) roles.getArray()),
                rs.getBoolean("guest"),
                rs.getString("device_id"),
                rs.getInt("failed_logins"),
                locked == null ? null : locked.toInstant());
    }
}
