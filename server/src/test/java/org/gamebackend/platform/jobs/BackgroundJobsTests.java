package org.gamebackend.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.gamebackend.accounts.internal.AccountJobs;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.Players;
import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The recurring jobs every module registers with JobRunr, and the refresh-token clean-up doing its work. */
@ApiTest
class BackgroundJobsTests {

    @Autowired
    StorageProvider storage;

    @Autowired
    AccountJobs accountJobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebTestClient web;

    @Test
    void everyRecurringJobIsRegistered() {
        assertThat(storage.getRecurringJobs().stream().map(RecurringJob::getId))
                .contains(
                        "refresh-token-cleanup",
                        "ticket-cleanup",
                        "rating-drain",
                        "season-rollover",
                        "rating-idle-deviation",
                        "leaderboard-rebuild");
    }

    @Test
    void refreshTokensExpiredOverADayAgoAreDeletedAndOthersKept() {
        Players.Tokens old = Players.register(web, Players.uniqueName("jobs"), "password-123");
        Players.Tokens fresh = Players.register(web, Players.uniqueName("jobs"), "password-123");
        jdbc.sql("update refresh_tokens set expires_at = ? where player_id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(2 * 86_400)), UUID.fromString(old.playerId()))
                .update();
        accountJobs.deleteExpiredRefreshTokens();
        assertThat(tokens(old)).isZero();
        assertThat(tokens(fresh)).isEqualTo(1);
    }

    private long tokens(Players.Tokens player) {
        return jdbc.sql("select count(*) from refresh_tokens where player_id = ?")
                .param(UUID.fromString(player.playerId()))
                .query(Long.class)
                .single();
    }
}
