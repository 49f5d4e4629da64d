package org.gamebackend.events.internal.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/** The ingestion meters, named by what an operator asks: how many came in, were refused, consumed, dead-lettered. */
final class IngestMetrics {

    private final MeterRegistry meters;
    private final Counter deadLettered;
    private final DistributionSummary batchSize;

    IngestMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.deadLettered = Counter.builder("events_dead_lettered")
                .description("Messages moved to the dead-letter queue because they could not be parsed or written")
                .register(meters);
        this.batchSize = DistributionSummary.builder("events_batch_size")
                .description("Events written to analytics_events per statement")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /** One written batch; every event of a batch comes from the same source. */
    void stored(AnalyticsEvent.Source source, int events, int stored) {
        batchSize.record(events);
        Counter.builder("events_ingested")
                .description("Events newly stored in analytics_events (duplicate ids not counted)")
                .tag("source", source.column())
                .register(meters)
                .increment(stored);
    }

    void rejected(String reason, int events) {
        Counter.builder("events_rejected")
                .description("Client events refused, by problem code")
                .tag("reason", reason)
                .register(meters)
                .increment(events);
    }

    void consumed(String queue, int messages) {
        Counter.builder("events_consumed")
                .description("Messages taken off a queue by the batching consumers")
                .tag("queue", queue)
                .register(meters)
                .increment(messages);
    }

    /** A batch could not be written because the database was unreachable; it is redelivered. */
    void writeFailed(String queue) {
        Counter.builder("events_write_failures")
                .description("Batches redelivered because the database was unreachable (after a back-off)")
                .tag("queue", queue)
                .register(meters)
                .increment();
    }

    /** Client events written straight to the database because the broker could not confirm their batch. */
    void fellBack(int events) {
        Counter.builder("events_ingest_fallback")
                .description("Client events written directly to analytics_events because the broker was unreachable")
                .register(meters)
                .increment(events);
    }

    void deadLettered() {
        deadLettered.increment();
    }
}
