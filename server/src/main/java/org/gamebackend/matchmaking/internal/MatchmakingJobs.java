package org.gamebackend.matchmaking.internal;

import java.time.Clock;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.annotations.Recurring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Matchmaking's recurring background job (JobRunr: one node runs each occurrence; a failure is retried). */
public class MatchmakingJobs {

    private static final Logger log = LoggerFactory.getLogger(MatchmakingJobs.class);

    private final TicketStore store;
    private final MatchmakingProperties props;
    private final Clock clock;

    MatchmakingJobs(TicketStore store, MatchmakingProperties props, Clock clock) {
        this.store = store;
        this.props = props;
        this.clock = clock;
    }

    /** Ended tickets are kept a while ({@code keep-ended-tickets}) for clients polling their status, then deleted. */
    @Recurring(id = "ticket-cleanup", cron = "7 * * * *")
    @Job(name = "Delete ended matchmaking tickets")
    public void deleteEndedTickets() {
        int n = store.deleteEndedBefore(clock.instant().minus(props.keepEndedTickets()));
        if (n > 0) {
            log.info("Deleted {} ended tickets", n);
        }
    }
}
