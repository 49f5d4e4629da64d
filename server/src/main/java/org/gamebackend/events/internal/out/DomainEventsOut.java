package org.gamebackend.events.internal.out;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import org.gamebackend.accounts.PlayerRegistered;
import org.gamebackend.engine.BackfillRequested;
import org.gamebackend.engine.MatchCrashed;
import org.gamebackend.engine.MatchFinished;
import org.gamebackend.engine.MatchStarted;
import org.gamebackend.matchmaking.MatchMade;
import org.gamebackend.matchmaking.TicketQueued;
import org.gamebackend.ranking.RatingChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The externalizer: one transactional listener per domain event. Spring Modulith records a publication for each in
 * the producer's transaction ({@code event_publication}, the outbox) and marks it complete only when the method
 * returns; when the sink throws, the publication stays incomplete and {@link EventsOutJobs} resubmits it.
 *
 * <p>Not {@code @ApplicationModuleListener}: that opens a transaction per event, which would hold a pooled database
 * connection for as long as the broker takes to confirm; the sinks need none. {@code @Async} keeps a slow broker off
 * the producer's thread. {@code fallbackExecution} because the engine publishes crashes and backfill requests outside
 * any transaction.
 */
class DomainEventsOut {

    private static final Logger log = LoggerFactory.getLogger(DomainEventsOut.class);

    private final DomainEventSink sink;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Semaphore inFlight;

    DomainEventsOut(DomainEventSink sink, Clock clock, MeterRegistry meters, int maxInFlight) {
        this.sink = sink;
        this.clock = clock;
        this.meters = meters;
        this.inFlight = new Semaphore(maxInFlight);
    }

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(PlayerRegistered e) {
        send(Envelopes.playerRegistered(e, clock.instant()));
    }

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(MatchFinished e) {
        send(Envelopes.matchFinished(e));
    }

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(MatchCrashed e) {
        send(Envelopes.matchCrashed(e, clock.instant()));
    }

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(BackfillRequested e) {
        send(Envelopes.backfillRequested(e, clock.instant()));
    }

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(MatchMade e) {
        send(Envelopes.matchMade(e, clock.instant()));
    }

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(TicketQueued e) {
        send(Envelopes.ticketQueued(e));
    }

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(MatchStarted e) {
        send(Envelopes.matchStarted(e));
    }

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(RatingChanged e) {
        send(Envelopes.ratingChanged(e, clock.instant()));
    }

    private void send(Envelope e) {
        // a resubmitted backlog arrives as one async task per event: without a bound, thousands of channels (or all
        // the pool's connections in standalone mode) at once
        inFlight.acquireUninterruptibly();
        try {
            sink.accept(e);
        } catch (RuntimeException failure) {
            counter("events_publish_failed", e).increment();
            log.warn("Event {} ({}) not delivered; it stays in the outbox: {}", e.id(), e.type(), failure.toString());
            throw failure;
        } finally {
            inFlight.release();
        }
        counter("events_published", e).increment();
    }

    private Counter counter(String name, Envelope e) {
        return Counter.builder(name).tag("type", e.type()).register(meters);
    }
}
