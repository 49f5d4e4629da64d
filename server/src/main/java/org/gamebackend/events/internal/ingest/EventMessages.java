package org.gamebackend.events.internal.ingest;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.events.internal.ConfirmedSends;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of events on a queue. One event is {@code {id, type, occurred_at, player_id?, data}}; a client batch is one
 * message {@code {events: [event, ...]}}; domain events arrive one per message in the outbox's envelope {@code {id,
 * type, version, occurred_at, data}}, which reads the same way.
 */
final class EventMessages {

    private final JsonMapper json;

    EventMessages(JsonMapper json) {
        this.json = json;
    }

    /**
     * A client batch as one message: {@code {events: [...]}}, so a request costs the broker one publish. Written
     * straight to bytes; each event's {@code data} is already validated JSON and is copied as it is, not parsed again.
     */
    byte[] encode(List<AnalyticsEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + events.size() * 256);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayPropertyStart("events");
            for (AnalyticsEvent event : events) {
                g.writeStartObject();
                g.writeStringProperty("id", event.id().toString());
                g.writeStringProperty("type", event.type());
                g.writeStringProperty("occurred_at", event.occurredAt().toString());
                if (event.playerId() != null) {
                    g.writeStringProperty("player_id", event.playerId().toString());
                }
                g.writeName("data");
                g.writeRawValue(event.data());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** A persistent JSON message for {@link ConfirmedSends}: a client batch, or a dead letter with its headers. */
    static Message persistent(String messageId, byte[] body, Map<String, Object> headers) {
        MessageProperties props = new MessageProperties();
        props.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        props.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        props.setMessageId(messageId);
        headers.forEach(props::setHeader);
        return new Message(body, props);
    }

    /**
     * Reads one message body, a single event or {@code {events: [...]}}; a message that is not valid throws {@link
     * Unreadable} with the reason (the whole message: its events were refused together).
     */
    List<AnalyticsEvent> decode(byte[] body, AnalyticsEvent.Source source) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new Unreadable("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new Unreadable("not a JSON object");
        }
        JsonNode events = node.get("events");
        if (events == null) {
            return List.of(event(node, source));
        }
        if (!events.isArray()) {
            throw new Unreadable("events is not an array");
        }
        List<AnalyticsEvent> decoded = new ArrayList<>(events.size());
        for (JsonNode event : events) {
            if (!event.isObject()) {
                throw new Unreadable("an element of events is not an object");
            }
            decoded.add(event(event, source));
        }
        return decoded;
    }

    private AnalyticsEvent event(JsonNode node, AnalyticsEvent.Source source) {
        UUID id = uuid(text(node, "id"), "id");
        String type = text(node, "type");
        Instant at;
        try {
            at = Timestamps.parse(text(node, "occurred_at"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new Unreadable("occurred_at is not an RFC 3339 timestamp");
        }
        String player = optionalText(node, "player_id");
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            throw new Unreadable("data is not a JSON object");
        }
        return new AnalyticsEvent(
                id, type, source, player == null ? null : uuid(player, "player_id"), at, json.writeValueAsString(data));
    }

    private static String text(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null) {
            throw new Unreadable(field + " is missing or not a string");
        }
        return value;
    }

    private static @Nullable String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new Unreadable(field + " is not a UUID");
        }
    }

    /** A message that no retry can fix; it goes to the dead-letter queue with this reason. */
    static final class Unreadable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }
}
