package org.gamebackend.events.internal.ingest;

import java.util.List;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.platform.ApiException;
import tools.jackson.databind.JsonNode;

/** Client analytics ingestion: validate the whole batch, charge the player's bucket, hand the batch to the sink. */
public final class IngestService {

    private final ClientEvents parser;
    private final IngestRateLimit rate;
    private final IngestSink sink;
    private final IngestMetrics metrics;

    IngestService(ClientEvents parser, IngestRateLimit rate, IngestSink sink, IngestMetrics metrics) {
        this.parser = parser;
        this.rate = rate;
        this.sink = sink;
        this.metrics = metrics;
    }

    /** Returns how many events were accepted: all of them, or an {@link ApiException} and none. */
    public int accept(PlayerId player, JsonNode body) {
        int size =
                body.path("events").isArray() ? Math.max(1, body.path("events").size()) : 1;
        try {
            List<AnalyticsEvent> events = parser.parse(body, player);
            rate.take(player, events.size());
            sink.accept(events);
            return events.size();
        } catch (ApiException e) {
            metrics.rejected(e.code(), size);
            throw e;
        }
    }
}
