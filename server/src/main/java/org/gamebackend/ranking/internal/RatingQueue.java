package org.gamebackend.ranking.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.gamebackend.engine.MatchFinished;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every finished match with a human in it into a rating job. The match is queued in {@code rating_queue}
 * inside the very transaction that stores its result (nothing is lost if the node dies right after), and the JobRunr
 * job is enqueued once that commits, under an id derived from the match id (JobRunr ignores an id it already has).
 * The sweep re-enqueues matches left waiting, e.g. when the node died between the commit and the enqueue.
 */
class RatingQueue {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final JobScheduler scheduler;
    private final Clock clock;
    private final Duration sweepAfter;

    RatingQueue(JdbcClient jdbc, JsonMapper json, JobScheduler scheduler, Clock clock, RankingProperties props) {
        this.jdbc = jdbc;
        this.json = json;
        this.scheduler = scheduler;
        this.clock = clock;
        this.sweepAfter = props.sweepAfter();
    }

    static UUID jobIdOf(UUID matchId) {
        return UUID.nameUUIDFromBytes(("rating:" + matchId).getBytes(StandardCharsets.UTF_8));
    }

    /** In the publisher's transaction: a duplicate delivery of the same match is ignored. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void queue(MatchFinished match) {
        if (match.seats().stream().allMatch(s -> s.bot())) {
            return;
        }
        jdbc.sql("insert into rating_queue (match_id, event) values (?, ?::jsonb) on conflict do nothing")
                .params(match.matchId().value(), json.writeValueAsString(match))
                .update();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void enqueue(MatchFinished match) {
        enqueue(match.matchId().value());
    }

    void enqueue(UUID matchId) {
        scheduler.<RatingJobs>enqueue(jobIdOf(matchId), jobs -> jobs.applyRating(matchId));
    }

    /** Matches waiting longer than the sweep delay; returns how many were enqueued again. */
    int sweep() {
        List<UUID> waiting = jdbc.sql(
                        "select match_id from rating_queue where enqueued_at < ? order by enqueued_at" + " limit 10000")
                .param(Timestamp.from(clock.instant().minus(sweepAfter)))
                .query(UUID.class)
                .list();
        waiting.forEach(this::enqueue);
        return waiting.size();
    }

    long depth() {
        return jdbc.sql("select count(*) from rating_queue").query(Long.class).single();
    }
}
