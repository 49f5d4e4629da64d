package org.gamebackend.events.internal.ingest;

import java.util.List;

/** Standalone mode: the batch is written in one statement, in the request, before the 202 goes out. */
final class DirectIngestSink implements IngestSink {

    private final AnalyticsWriter writer;

    DirectIngestSink(AnalyticsWriter writer) {
        this.writer = writer;
    }

    @Override
    public void accept(List<AnalyticsEvent> events) {
        writer.write(events);
    }
}
