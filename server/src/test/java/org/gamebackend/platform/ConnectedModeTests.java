package org.gamebackend.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gamebackend.support.Players.register;
import static org.gamebackend.support.Players.uniqueName;

import java.sql.Connection;
import java.sql.SQLException;
import org.gamebackend.support.FreshDatabase;
import org.gamebackend.support.Players;
import org.gamebackend.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connected mode against this machine's PostgreSQL (127.0.0.1:5432), named by DATABASE_URL in the ecto form. */
class ConnectedModeTests {

    static final String SECRET = "connected-mode-secret-0123456789-abcdefghij";

    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    @Test
    void runsOnTheDatabaseOfAnEctoUrl() throws SQLException {
        String name = uniqueName("conn");
        Players.Tokens tokens;
        try (RunningServer server = RunningServer.start(
                "DATABASE_URL=ecto://postgres:ignored@127.0.0.1/" + database.name(), "JWT_SECRET=" + SECRET)) {
            assertThat(server.context().getEnvironment().getProperty("game.mode"))
                    .isEqualTo("connected");
            tokens = register(server.web(), name, "password-123");
        }
        try (Connection c = database.connect();
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
        assertThatThrownBy(() -> RunningServer.start("DATABASE_URL=" + database.url()))
                .hasStackTraceContaining("JWT_SECRET")
                .hasStackTraceContaining("at least 32 bytes");
    }

    @Test
    void refusesAShortJwtSecret() {
        assertThatThrownBy(() -> RunningServer.start("DATABASE_URL=" + database.url(), "GUARDIAN_SECRET=too-short"))
                .hasStackTraceContaining("shorter than 32 bytes");
    }
}
