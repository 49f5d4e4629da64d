package org.gamebackend.accounts.internal;

import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.annotations.Recurring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The accounts module's recurring background jobs (JobRunr: one node runs each occurrence, failures are retried). */
@Component
public class AccountJobs {

    private static final Logger log = LoggerFactory.getLogger(AccountJobs.class);

    private final RefreshTokens tokens;

    AccountJobs(RefreshTokens tokens) {
        this.tokens = tokens;
    }

    @Recurring(id = "refresh-token-cleanup", cron = "${game.accounts.refresh-token-cleanup:17 * * * *}")
    @Job(name = "Delete expired refresh tokens")
    public void deleteExpiredRefreshTokens() {
        int deleted = tokens.deleteExpired();
        log.info("Deleted {} expired refresh tokens", deleted);
    }
}
