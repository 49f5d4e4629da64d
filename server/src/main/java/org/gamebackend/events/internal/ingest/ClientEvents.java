package org.gamebackend.events.internal.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.platform.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses and validates the body of {@code POST /api/v1/events} once, at the edge: the first problem found is thrown as
 * a 400 whose {@code field} names the event ({@code events[3].at}), so a bad batch is refused whole.
 */
final class ClientEvents {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9_.]{1,64}");
    private static final Set<String> EVENT_FIELDS = Set.of("id", "type", "at", "data");

    private final IngestProperties props;
    private final JsonMapper json;
    private final Clock clock;

    ClientEvents(IngestProperties props, JsonMapper json, Clock clock) {
        this.props = props;
        this.json = json;
        this.clock = clock;
    }

    List<AnalyticsEvent> parse(JsonNode body, PlayerId player) {
        if (!body.isObject()) {
            throw invalidType("events", "the body must be a JSON object {\"events\": [...]}");
        }
        for (String name : body.propertyNames()) {
            if (!name.equals("events")) {
                throw invalid(name, "unknown field");
            }
        }
        JsonNode events = body.get("events");
        if (events == null || !events.isArray()) {
            throw invalidType("events", "must be an array of events");
        }
        if (events.isEmpty()) {
            throw invalid("events", "must hold at least one event");
        }
        if (events.size() > props.maxBatch()) {
            throw invalid("events", "holds " + events.size() + " events; at most " + props.maxBatch() + " are allowed");
        }
        Instant now = clock.instant();
        List<AnalyticsEvent> parsed = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            parsed.add(event(events.get(i), "events[" + i + "]", player, now));
        }
        return parsed;
    }

    private AnalyticsEvent event(JsonNode event, String at, PlayerId player, Instant now) {
        if (!event.isObject()) {
            throw invalidType(at, "must be an object {id, type, at, data}");
        }
        for (String name : event.propertyNames()) {
            if (!EVENT_FIELDS.contains(name)) {
                throw invalid(at + "." + name, "unknown field");
            }
        }
        UUID id = uuid(string(event, at + ".id"), at + ".id");
        String type = string(event, at + ".type");
        if (!TYPE.matcher(type).matches()) {
            throw invalid(at + ".type", "must be 1 to 64 of a-z, 0-9, '_' and '.'");
        }
        Instant occurred = instant(string(event, at + ".at"), at + ".at", now);
        JsonNode data = event.get("data");
        if (data == null || !data.isObject()) {
            throw invalidType(at + ".data", "must be a JSON object");
        }
        if (hasNul(data)) {
            throw invalid(at + ".data", "must not contain the NUL character (\\u0000), which PostgreSQL cannot store");
        }
        String text = json.writeValueAsString(data);
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > props.maxData().toBytes()) {
            throw invalid(
                    at + ".data",
                    "is " + bytes + " bytes; at most " + props.maxData().toBytes() + " are allowed");
        }
        return new AnalyticsEvent(id, type, AnalyticsEvent.Source.CLIENT, player.value(), occurred, text);
    }

    private static boolean hasNul(JsonNode node) {
        if (node.isString()) {
            return node.stringValue().indexOf('\0') >= 0;
        }
        for (var property : node.properties()) {
            if (property.getKey().indexOf('\0') >= 0 || hasNul(property.getValue())) {
                return true;
            }
        }
        for (JsonNode element : node.isArray() ? node : List.<JsonNode>of()) {
            if (hasNul(element)) {
                return true;
            }
        }
        return false;
    }

    private Instant instant(String value, String field, Instant now) {
        Instant at;
        try {
            at = Timestamps.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be an RFC 3339 timestamp such as 2026-12-03T10:15:30Z");
        }
        if (at.isBefore(now.minus(props.maxAge()))) {
            throw invalid(field, "is more than " + props.maxAge().toDays() + " days old");
        }
        if (at.isAfter(now.plus(props.maxSkew()))) {
            throw invalid(field, "lies more than " + props.maxSkew().toMinutes() + " minutes in the future");
        }
        return at;
    }

    private static String string(JsonNode event, String field) {
        JsonNode value = event.get(field.substring(field.lastIndexOf('.') + 1));
        if (value == null || value.isNull()) {
            throw invalid(field, "is required");
        }
        if (!value.isString()) {
            throw invalidType(field, "must be a string");
        }
        return value.stringValue();
    }

    private static UUID uuid(String value, String field) {
        try {
            if (value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw invalid(field, "must be a UUID");
    }

    private static ApiException invalid(String field, String problem) {
        return ApiException.badField(field, "validation_failed", field + ": " + problem);
    }

    private static ApiException invalidType(String field, String problem) {
        return ApiException.badField(field, "invalid_field", field + ": " + problem);
    }
}
