package org.gamebackend.events.internal.ingest;

import java.util.List;
import java.util.Map;
import org.gamebackend.platform.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.http.HttpStatus;

/**
 * Connected mode: the batch as one persistent message on the ingest queue, answered only once the broker confirmed
 * it. If it does not, the client gets 503 and retries; events that did reach the queue are stored once.
 */
final class RabbitIngestSink implements IngestSink {

    private static final Logger log = LoggerFactory.getLogger(RabbitIngestSink.class);

    private final ConfirmedPublisher publisher;
    private final EventMessages messages;
    private final String queue;

    RabbitIngestSink(ConfirmedPublisher publisher, EventMessages messages, String queue) {
        this.publisher = publisher;
        this.messages = messages;
        this.queue = queue;
    }

    @Override
    public void accept(List<AnalyticsEvent> events) {
        List<ConfirmedPublisher.Outgoing> outgoing = List.of(
                new ConfirmedPublisher.Outgoing(events.getFirst().id().toString(), messages.encode(events), Map.of()));
        try {
            publisher.publish(queue, outgoing);
        } catch (AmqpException e) {
            log.warn("Publishing {} events to {} failed: {}", events.size(), queue, e.toString());
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "broker_unavailable",
                    "The event queue is not reachable; nothing was accepted, send the batch again later");
        }
    }
}
