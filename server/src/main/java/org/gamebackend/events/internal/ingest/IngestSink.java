package org.gamebackend.events.internal.ingest;

import java.util.List;

/**
 * Where validated client events go: straight into {@code analytics_events} (standalone) or to the ingest queue
 * (connected). Returning normally means every event is durable; otherwise none was accepted and the client may retry
 * the whole batch (ids make the retry harmless).
 */
interface IngestSink {

    void accept(List<AnalyticsEvent> events);
}
