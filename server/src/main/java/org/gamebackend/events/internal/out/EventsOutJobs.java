package org.gamebackend.events.internal.out;

import java.time.Duration;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.annotations.Recurring;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;

/** The outbox's housekeeping as JobRunr jobs: both may run twice, or on two nodes at once, without harm. */
public class EventsOutJobs {

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final Duration resubmitAfter;
    private final Duration keepCompleted;

    EventsOutJobs(
            IncompleteEventPublications incomplete,
            CompletedEventPublications completed,
            Duration resubmitAfter,
            Duration keepCompleted) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.resubmitAfter = resubmitAfter;
        this.keepCompleted = keepCompleted;
    }

    /**
     * Hands undelivered events (broker down, unconfirmed, unroutable) to the sink again. A node that crashed before
     * delivering leaves its publications incomplete too; they go out from here or at the next start.
     */
    @Recurring(id = "events-resubmit", interval = "PT30S")
    @Job(name = "Resubmit undelivered domain events")
    public void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(resubmitAfter);
    }

    @Recurring(id = "events-cleanup", cron = "17 * * * *")
    @Job(name = "Delete delivered domain events from the outbox")
    public void deleteCompleted() {
        completed.deletePublicationsOlderThan(keepCompleted);
    }
}
