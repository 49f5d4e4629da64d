package org.gamebackend.ranking.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.annotations.Recurring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ranking module's JobRunr jobs. JobRunr stores each call, runs it on one node, and retries a failure with
 * exponential back-off; every job here may run twice without harm.
 */
public class RatingJobs {

    private static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(RatingJobs.class);

    private final RatingApplier applier;
    private final RatingQueue queue;
    private final Boards boards;
    private final SeasonRollover rollover;
    private final IdleDeviation idle;
    private final StoredRatings cache;
    private final BoardChanges changes;
    private final Semaphore slots;
    private final ReentrantLock draining = new ReentrantLock();

    RatingJobs(
            RatingApplier applier,
            RatingQueue queue,
            Boards boards,
            SeasonRollover rollover,
            IdleDeviation idle,
            StoredRatings cache,
            BoardChanges changes,
            int parallelism) {
        this.applier = applier;
        this.queue = queue;
        this.boards = boards;
        this.rollover = rollover;
        this.idle = idle;
        this.cache = cache;
        this.changes = changes;
        this.slots = new Semaphore(parallelism);
    }

    /**
     * Applies every waiting match, {@code parallelism} at a time on this node, each in its own transaction (exactly once: see {@link
     * RatingApplier}). A match that fails is counted and skipped; the job then fails as a whole so JobRunr retries it
     * with back-off and the failure shows, and the match is tried again until it has failed {@link
     * RatingQueue#MAX_ATTEMPTS} times.
     */
    @Job(name = "Apply waiting ratings", retries = 10)
    public void applyWaiting() {
        // one batch per node drains at a time: it loops until the queue is empty, and batches started meanwhile would
        // only fight it for the same rows; the 10-second drain catches anything that arrives as it finishes
        if (!draining.tryLock()) {
            return;
        }
        try {
            drainQueue();
        } finally {
            draining.unlock();
        }
    }

    private void drainQueue() {
        Set<UUID> failed = ConcurrentHashMap.newKeySet();
        int applied = 0;
        for (List<UUID> batch = queue.waiting(BATCH, failed); !batch.isEmpty(); batch = queue.waiting(BATCH, failed)) {
            try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (UUID matchId : batch) {
                    slots.acquireUninterruptibly();
                    workers.execute(() -> {
                        try {
                            applyRating(matchId);
                        } catch (RuntimeException e) {
                            failed.add(matchId);
                            queue.failed(matchId, e);
                            log.warn("Rating match {} failed; it stays queued", matchId, e);
                        } finally {
                            slots.release();
                        }
                    });
                }
            }
            applied += batch.size();
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " of " + applied + " matches could not be rated");
        }
    }

    /** Applies one finished match's ratings, stats and history; does nothing when it was applied before. */
    public void applyRating(UUID matchId) {
        List<RatingApplier.Applied> applied = applier.apply(matchId);
        applied.forEach(a -> {
            boards.put(a);
            cache.forget(a.player(), a.mode());
        });
        applied.stream().map(RatingApplier.Applied::mode).distinct().forEach(changes::changed);
    }

    /** Matches whose batch job was lost (the node died right after the commit) or had already started. */
    @Recurring(id = "rating-drain", interval = "PT10S")
    @Job(name = "Apply ratings left waiting")
    public void drain() {
        applyWaiting();
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
