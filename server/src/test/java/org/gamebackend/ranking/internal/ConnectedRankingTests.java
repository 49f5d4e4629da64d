package org.gamebackend.ranking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchFinished;
import org.gamebackend.ranking.internal.board.Leaderboard;
import org.gamebackend.ranking.internal.board.RedisLeaderboard;
import org.gamebackend.support.Players;
import org.gamebackend.support.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connected mode: the leaderboard lives in this machine's Redis, and a rating applied by JobRunr shows on it over REST.
 * A ranked mode of its own per run keeps the Redis keys apart from other runs.
 */
class ConnectedRankingTests {

    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    String database = "";
    String mode = "";

    @BeforeEach
    void createDatabase() throws SQLException {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        database = "gb_rank_" + suffix;
        mode = "ranked-" + suffix;
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
            c.createStatement().execute("create database " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
            c.createStatement().execute("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void aRatedMatchShowsOnTheRedisLeaderboard() {
        try (RunningServer server = RunningServer.start(
                "DATABASE_URL=postgres://postgres@127.0.0.1:5432/" + database,
                "JWT_SECRET=connected-mode-secret-0123456789-abcdefghij",
                "game.matchmaking.modes." + mode + ".game=tictactoe",
                "game.matchmaking.modes." + mode + ".teams=2",
                "game.matchmaking.modes." + mode + ".team-size=1",
                "game.matchmaking.modes." + mode + ".ranked=true")) {
            var ctx = server.context();
            assertThat(ctx.getBean(Leaderboard.class)).isInstanceOf(RedisLeaderboard.class);
            Players.Tokens winner = Players.register(server.web(), Players.uniqueName("cw"), "password-123");
            Players.Tokens loser = Players.register(server.web(), Players.uniqueName("cl"), "password-123");
            PlayerId w = PlayerId.parse(winner.playerId());
            MatchFinished match = FinishedMatches.won(mode, w, PlayerId.parse(loser.playerId()));
            FinishedMatches.publish(ctx.getBean(TransactionTemplate.class), ctx, match);

            await().atMost(Duration.ofSeconds(40))
                    .untilAsserted(() -> server.web()
                            .get()
                            .uri("/api/v1/leaderboards/" + mode)
                            .header("Authorization", "Bearer " + winner.accessToken())
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody()
                            .jsonPath("$.total")
                            .isEqualTo(2)
                            .jsonPath("$.entries[0].player_id")
                            .isEqualTo(winner.playerId())
                            .jsonPath("$.entries[1].player_id")
                            .isEqualTo(loser.playerId()));
            ctx.getBean(Leaderboard.class)
                    .delete(new org.gamebackend.ranking.internal.board.BoardKey(
                            mode, Boards.GLOBAL, ctx.getBean(Seasons.class).current()));
        }
    }
}
