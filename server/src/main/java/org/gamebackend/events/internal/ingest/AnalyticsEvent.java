package org.gamebackend.events.internal.ingest;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code analytics_events}, validated: a client event or a domain event.
 *
 * @param data the event's {@code data} object as JSON text
 */
public record AnalyticsEvent(
        UUID id, String type, Source source, @Nullable UUID playerId, Instant occurredAt, String data) {

    /** Where an event came from; the {@code source} column. */
    public enum Source {
        CLIENT,
        DOMAIN;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
