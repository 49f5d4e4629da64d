package org.gamebackend.events.internal.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.gamebackend.events.internal.ConfirmedSends;
import org.gamebackend.platform.ApiException;
import org.gamebackend.platform.Throttle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;

/**
 * Connected mode: the batch as one persistent message on the ingest queue, answered only once the broker confirmed
 * it ({@link ConfirmedSends}; a deleted queue counts as not confirmed). If the broker cannot confirm it (down,
 * restarting, unreachable, slower than the confirm timeout) the batch is written straight to {@code analytics_events}
 * in the request, as in standalone mode, unless that fallback is switched off; only when that fails too does the client get 503 and send the batch again. For a second after such a failure
 * batches go straight to the database without trying the broker, so a hung broker does not hold every request for the
 * connect or confirm timeout. A batch the broker did keep after all is stored once: the consumer skips ids already
 * stored.
 */
final class RabbitIngestSink implements IngestSink {

    private static final Logger log = LoggerFactory.getLogger(RabbitIngestSink.class);

    private final ConfirmedSends sends;
    private final EventMessages messages;
    private final String queue;
    private final @Nullable AnalyticsWriter fallback;
    private final IngestMetrics metrics;
    private final Throttle warnings = new Throttle(Duration.ofSeconds(10));
    private final AtomicLong fellBackSinceWarning = new AtomicLong();

    /** After the broker failed a batch, batches go straight to the database for this long before it is tried again. */
    static final long SKIP_NANOS = 1_000_000_000L;

    private volatile long failedAt;
    private volatile @Nullable AmqpException lastFailure;

    RabbitIngestSink(
            ConfirmedSends sends,
            EventMessages messages,
            String queue,
            @Nullable AnalyticsWriter fallback,
            IngestMetrics metrics) {
        this.sends = sends;
        this.messages = messages;
        this.queue = queue;
        this.fallback = fallback;
        this.metrics = metrics;
    }

    @Override
    public void accept(List<AnalyticsEvent> events) {
        AnalyticsWriter writer = fallback;
        AmqpException lastFailure = this.lastFailure;
        if (writer != null && lastFailure != null && System.nanoTime() - failedAt < SKIP_NANOS) {
            // the broker just failed a batch: do not make every request wait for it again (a hung broker costs the
            // connect timeout each time) — straight to the database for a moment, then try the broker again
            writeDirectly(writer, events, lastFailure);
            return;
        }
        Message message =
                EventMessages.persistent(events.getFirst().id().toString(), messages.encode(events), Map.of());
        try {
            sends.send("", queue, List.of(message));
            if (lastFailure != null) {
                this.lastFailure = null; // the broker is back (no volatile write per request otherwise)
            }
        } catch (AmqpException e) {
            if (writer == null) {
                log.warn("Publishing {} events to {} failed: {}", events.size(), queue, e.toString());
                throw unavailable("The event queue is not reachable; nothing was accepted, send the batch again later");
            }
            failedAt = System.nanoTime();
            this.lastFailure = e;
            writeDirectly(writer, events, e);
        }
    }

    private void writeDirectly(AnalyticsWriter writer, List<AnalyticsEvent> events, AmqpException cause) {
        try {
            writer.write(events);
        } catch (DataAccessException e) {
            log.warn(
                    "Neither {} nor analytics_events took {} events: {}; {}",
                    queue,
                    events.size(),
                    cause,
                    e.toString());
            throw unavailable(
                    "Neither the event queue nor the database is reachable; nothing was accepted, send the batch again"
                            + " later");
        }
        metrics.fellBack(events.size());
        long n = fellBackSinceWarning.addAndGet(events.size());
        if (warnings.due()) {
            fellBackSinceWarning.addAndGet(-n);
            log.warn(
                    "The broker cannot confirm batches for {} ({}); {} events written directly to analytics_events",
                    queue,
                    cause,
                    n);
        }
    }

    private static ApiException unavailable(String detail) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "broker_unavailable", detail);
    }
}
