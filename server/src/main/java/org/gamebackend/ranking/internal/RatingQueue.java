package org.gamebackend.ranking.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.gamebackend.engine.MatchFinished;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every finished match with a human in it into rating work. The match is queued in {@code rating_queue} inside
 * the very transaction that stores its result (nothing is lost if the node dies right after); once that commits, a
 * JobRunr job that applies every waiting match is enqueued under an id shared by all matches finishing in the same
 * quarter second (JobRunr ignores an id it already has), so JobRunr's own bookkeeping is paid per batch, not per match.
 * A recurring job drains the queue as well, for matches whose enqueue was lost (the node died right after the commit)
 * or whose batch had already started.
 */
class RatingQueue {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final JobScheduler scheduler;
    private final Clock clock;

    RatingQueue(JdbcClient jdbc, JsonMapper json, JobScheduler scheduler, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Attempts after which a match that keeps failing is left in the queue for an operator. */
    static final int MAX_ATTEMPTS = 10;

    private static final long BATCH_WINDOW_MS = 250;

    /** The last batch window this node enqueued a job for: JobRunr would ignore the same id again, so skip the write. */
    private final AtomicLong enqueuedWindow = new AtomicLong(-1);

    static UUID batchJobId(long window) {
        return UUID.nameUUIDFromBytes(("rating-batch:" + window).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean humansPlayed(MatchFinished match) {
        return match.seats().stream().anyMatch(s -> !s.bot());
    }

    /** In the publisher's transaction: a duplicate delivery of the same match is ignored. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void queue(MatchFinished match) {
        if (!humansPlayed(match)) {
            return;
        }
        jdbc.sql("insert into rating_queue (match_id, event) values (?, ?::jsonb) on conflict do nothing")
                .params(match.matchId().value(), json.writeValueAsString(match))
                .update();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void enqueue(MatchFinished match) {
        long window = clock.millis() / BATCH_WINDOW_MS;
        if (!humansPlayed(match) || enqueuedWindow.get() == window) {
            return;
        }
        scheduler.<RatingJobs>enqueue(batchJobId(window), jobs -> jobs.applyWaiting());
        enqueuedWindow.set(window);
    }

    /** The oldest waiting matches, leaving out those that gave up and those in {@code skip}. */
    List<UUID> waiting(int limit, Collection<UUID> skip) {
        return jdbc.sql("select match_id from rating_queue where attempts < ? and match_id <> all(?)"
                        + " order by enqueued_at limit ?")
                .params(MAX_ATTEMPTS, skip.toArray(UUID[]::new), limit)
                .query(UUID.class)
                .list();
    }

    void failed(UUID matchId, RuntimeException error) {
        jdbc.sql("update rating_queue set attempts = attempts + 1, last_error = ? where match_id = ?")
                .params(String.valueOf(error), matchId)
                .update();
    }

    /** Matches waiting for their rating, or (givenUp) those that failed {@link #MAX_ATTEMPTS} times. */
    long depth(boolean givenUp) {
        return jdbc.sql("select count(*) from rating_queue where attempts " + (givenUp ? ">=" : "<") + " ?")
                .param(MAX_ATTEMPTS)
                .query(Long.class)
                .single();
    }
}
