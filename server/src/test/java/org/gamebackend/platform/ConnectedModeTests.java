package org.gamebackend.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gamebackend.support.Players.register;
import static org.gamebackend.support.Players.uniqueName;

import java.sql.Connection;
import java.sql.SQLException;
import org.gamebackend.support.Databases;
import org.gamebackend.support.Players;
import org.gamebackend.support.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connected mode against this machine's PostgreSQL (127.0.0.1:5432), named by DATABASE_URL in the ecto form. */
class ConnectedModeTests {

    static final String SECRET = "connected-mode-secret-0123456789-abcdefghij";
    String database = "";

    @BeforeEach
    void createDatabase() throws SQLException {
        database = Databases.create();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        Databases.drop(database);
    }

    @Test
    void runsOnTheDatabaseOfAnEctoUrl() throws SQLException {
        String name = uniqueName("conn");
        Players.Tokens tokens;
        try (RunningServer server = RunningServer.start(
                "DATABASE_URL=ecto://postgres:ignored@127.0.0.1/" + database, "JWT_SECRET=" + SECRET)) {
            assertThat(server.context().getEnvironment().getProperty("game.mode"))
                    .isEqualTo("connected");
            tokens = register(server.web(), name, "password-123");
        }
        try (Connection c = Databases.connect(database);
                var ps = c.prepareStatement("select id::text from players where username = ?")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(tokens.playerId());
            }
        }
    }

    @Test
    void refusesToStartWithoutAJwtSecret() {
        assertThatThrownBy(() -> RunningServer.start("DATABASE_URL=postgres://postgres@127.0.0.1:5432/" + database))
                .hasStackTraceContaining("JWT_SECRET")
                .hasStackTraceContaining("at least 32 bytes");
    }

    @Test
    void refusesAShortJwtSecret() {
        assertThatThrownBy(() -> RunningServer.start(
                        "DATABASE_URL=postgres://postgres@127.0.0.1:5432/" + database, "GUARDIAN_SECRET=too-short"))
                .hasStackTraceContaining("shorter than 32 bytes");
    }
}
