package org.gamebackend.events.internal.out;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One domain event on the wire (docs/events.md): {@code {"id", "type", "version", "occurred_at", "data"}}.
 *
 * @param id the same for every delivery of one event (derived from its type and natural key), so consumers dedupe by it
 * @param type also the routing key, e.g. {@code match.finished}
 * @param data the event's fields, snake_case
 * @param playerId the player the event is about, if one; not on the wire (the analytics table has a column for it)
 */
record Envelope(
        UUID id,
        String type,
        int version,
        @JsonProperty("occurred_at") Instant occurredAt,
        Map<String, @Nullable Object> data,
        @JsonIgnore @Nullable UUID playerId) {

    static final int VERSION = 1;

    Envelope {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data)); // keeps the order, and nulls
    }

    static Envelope of(String type, String naturalKey, Instant occurredAt, Map<String, @Nullable Object> data) {
        return of(type, naturalKey, occurredAt, data, null);
    }

    static Envelope of(
            String type,
            String naturalKey,
            Instant occurredAt,
            Map<String, @Nullable Object> data,
            @Nullable UUID playerId) {
        UUID id = UUID.nameUUIDFromBytes((type + ":" + naturalKey).getBytes(StandardCharsets.UTF_8));
        return new Envelope(id, type, VERSION, occurredAt, data, playerId);
    }
}
