package org.gamebackend.ranking.internal;

import java.util.List;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.annotations.Recurring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ranking module's JobRunr jobs. JobRunr stores each call, runs it on one node, and retries a failure with
 * exponential back-off; every job here may run twice without harm.
 */
public class RatingJobs {

    private static final Logger log = LoggerFactory.getLogger(RatingJobs.class);

    private final RatingApplier applier;
    private final RatingQueue queue;
    private final Boards boards;
    private final SeasonRollover rollover;
    private final IdleDeviation idle;
    private final StoredRatings cache;

    RatingJobs(
            RatingApplier applier,
            RatingQueue queue,
            Boards boards,
            SeasonRollover rollover,
            IdleDeviation idle,
            StoredRatings cache) {
        this.applier = applier;
        this.queue = queue;
        this.boards = boards;
        this.rollover = rollover;
        this.idle = idle;
        this.cache = cache;
    }

    /** Applies one finished match's ratings, stats and history (exactly once: see {@link RatingApplier}). */
    @Job(name = "Apply ratings of match %0", retries = 10)
    public void applyRating(UUID matchId) {
        List<RatingApplier.Applied> applied = applier.apply(matchId);
        applied.forEach(a -> {
            boards.put(a);
            cache.forget(a.player(), a.mode());
        });
        if (!applied.isEmpty()) {
            log.debug("Applied ratings of match {} for {} players", matchId, applied.size());
        }
    }

    @Recurring(id = "rating-sweep", cron = "* * * * *")
    @Job(name = "Re-enqueue rating jobs left waiting")
    public void sweep() {
        int again = queue.sweep();
        if (again > 0) {
            log.info("Re-enqueued {} rating jobs that were left waiting", again);
        }
    }

    @Recurring(id = "season-rollover", cron = "*/5 * * * *")
    @Job(name = "Season rollover")
    public void rollover() {
        rollover.rollIfDue();
    }

    @Recurring(id = "rating-idle-deviation", cron = "23 * * * *")
    @Job(name = "Grow the deviation of idle players")
    public void idleDeviation() {
        int grown = idle.grow();
        if (grown > 0) {
            log.info("Grew the rating deviation of {} idle players", grown);
        }
    }

    @Recurring(id = "leaderboard-rebuild", cron = "41 4 * * *")
    @Job(name = "Rebuild leaderboards from PostgreSQL")
    public void rebuildBoards() {
        boards.rebuildAll();
    }
}
