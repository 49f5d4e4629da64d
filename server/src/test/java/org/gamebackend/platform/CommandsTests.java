package org.gamebackend.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.gamebackend.GameBackendApplication;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchRequest;
import org.gamebackend.engine.Matches;
import org.gamebackend.support.FreshDatabase;
import org.gamebackend.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code migrate} and {@code seed} are one-shot commands that may run against the database of a live server (as
 * {@code make migrate} does against the Compose stack): they must not touch its running matches — the engine of a
 * command does not start, so it never ends another server's matches as orphans of a crash.
 */
class CommandsTests {

    static final String SECRET = "commands-secret-0123456789-abcdefghijklmno";

    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    @Test
    void commandsLeaveALiveServersMatchesAloneAndSeedPrintsPlayers() throws Exception {
        String url = "--DATABASE_URL=" + database.url();
        try (RunningServer server = RunningServer.start(url.substring(2), "JWT_SECRET=" + SECRET)) {
            Matches matches = server.context().getBean(Matches.class);
            MatchId match = matches.create(new MatchRequest(
                    "arena",
                    "custom",
                    List.of(
                            new MatchRequest.SeatRequest(new PlayerId(UUID.randomUUID()), true, 0),
                            new MatchRequest.SeatRequest(new PlayerId(UUID.randomUUID()), true, 1))));

            String migrated = run("migrate", url, "--JWT_SECRET=" + SECRET, "--server.port=0");
            assertThat(migrated).contains("migrate: done");
            String seeded = run("seed", url, "--JWT_SECRET=" + SECRET, "--server.port=0");
            assertThat(seeded).contains("seed: done");

            assertThat(status(match)).isEqualTo("running");
            assertThat(matches.running()).extracting(m -> m.id()).contains(match);
            long before = matches.find(match).orElseThrow().tick();
            Thread.sleep(Duration.ofMillis(300));
            assertThat(matches.find(match).orElseThrow().tick())
                    .as("still ticking")
                    .isGreaterThan(before);
        }
        try (Connection c = database.connect();
                var rs = c.createStatement().executeQuery("select count(*) from players")) {
            rs.next();
            assertThat(rs.getLong(1)).as("seed created its demo players").isPositive();
        }
    }

    private String status(MatchId match) throws SQLException {
        try (Connection c = database.connect();
                var ps = c.prepareStatement("select status from matches where id = ?")) {
            ps.setObject(1, match.value());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Runs the command as {@code java -jar} would, in this JVM, and returns what it printed. */
    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            GameBackendApplication.main(args);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
