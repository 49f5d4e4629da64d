package org.gamebackend.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gamebackend.support.Players.login;
import static org.gamebackend.support.Players.register;
import static org.gamebackend.support.Players.uniqueName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.gamebackend.support.Players;
import org.gamebackend.support.RunningServer;
import org.junit.jupiter.api.Test;

/** Standalone mode keeps its players, and its generated signing secret, under the data directory across restarts. */
class StandaloneRestartTests {

    @Test
    void playersAndTokensSurviveARestart() {
        Path dataDir = Path.of("target/test-data/restart-" + UUID.randomUUID());
        String name = uniqueName("keep");
        Players.Tokens before;
        try (RunningServer first = RunningServer.start("game.data-dir=" + dataDir)) {
            assertThat(first.context().getEnvironment().getProperty("game.mode"))
                    .isEqualTo("standalone");
            before = register(first.web(), name, "password-123");
        }
        assertThat(dataDir.resolve("pg/PG_VERSION")).exists();
        assertThat(dataDir.resolve("secrets/jwt-secret")).exists();
        try (RunningServer second = RunningServer.start("game.data-dir=" + dataDir)) {
            assertThat(login(second.web(), name, "password-123").playerId()).isEqualTo(before.playerId());
            // the access token issued before the restart is still valid: the secret was kept
            second.web()
                    .get()
                    .uri("/api/v1/me")
                    .headers(h -> h.setBearerAuth(before.accessToken()))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.username")
                    .isEqualTo(name);
        }
        assertThat(Files.exists(dataDir.resolve("pg/postmaster.pid")))
                .as("embedded PostgreSQL stopped with the server")
                .isFalse();
    }
}
