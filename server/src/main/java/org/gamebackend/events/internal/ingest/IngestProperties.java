package org.gamebackend.events.internal.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Client analytics ingestion ({@code game.events.ingest.*}); docs/events.md explains each.
 *
 * @param maxBatch the most events one {@code POST /api/v1/events} may carry
 * @param maxData the largest {@code data} object of one event (serialized JSON)
 * @param maxAge how far in the past an event's {@code at} may lie
 * @param maxSkew how far in the future an event's {@code at} may lie (client clocks run fast)
 * @param ratePerSecond events per second a player may send, refilled continuously
 * @param burst the most events a player may send at once (the bucket's size)
 * @param queue the queue accepted client events go to (connected mode)
 * @param analyticsQueue the queue bound to {@code eventsExchange} for every routing key, feeding domain events in
 * @param eventsExchange the topic exchange domain events are published to
 * @param deadLetterQueue where a message that cannot be parsed or written goes, with {@code x-reason}
 * @param confirmTimeout how long a publish waits for the broker's confirm before answering 503
 * @param prefetch messages a consumer holds unacknowledged
 * @param batchSize the most messages written in one insert (a client batch is one message)
 * @param receiveTimeout how long a consumer waits to fill a batch before writing what it has
 * @param concurrency consumers per queue
 * @param fallbackToDatabase whether a batch the broker cannot confirm is written straight to {@code analytics_events} in
 *     the request (as in standalone mode) instead of being refused with 503
 */
@ConfigurationProperties("game.events.ingest")
public record IngestProperties(
        @DefaultValue("100") int maxBatch,
        @DefaultValue("4KB") DataSize maxData,
        @DefaultValue("7d") Duration maxAge,
        @DefaultValue("5m") Duration maxSkew,
        @DefaultValue("50") int ratePerSecond,
        @DefaultValue("500") int burst,
        @DefaultValue("game.ingest") String queue,
        @DefaultValue("game.analytics") String analyticsQueue,
        @DefaultValue("game.events") String eventsExchange,
        @DefaultValue("game.ingest.dlq") String deadLetterQueue,
        @DefaultValue("5s") Duration confirmTimeout,
        @DefaultValue("500") int prefetch,
        @DefaultValue("100") int batchSize,
        @DefaultValue("200ms") Duration receiveTimeout,
        @DefaultValue("2") int concurrency,
        @DefaultValue("true") boolean fallbackToDatabase) {

    public IngestProperties {
        if (maxBatch < 1 || ratePerSecond < 1 || burst < 1 || batchSize < 1 || concurrency < 1) {
            throw new IllegalArgumentException(
                    "game.events.ingest: max-batch, rate-per-second, burst, batch-size and concurrency must be at least 1");
        }
        if (prefetch < batchSize) {
            throw new IllegalArgumentException("game.events.ingest.prefetch must be at least batch-size");
        }
    }
}
