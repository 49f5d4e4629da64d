package org.gamebackend.matchmaking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A matchmaking ticket: one player's, or one party's, request for a match. */
public record TicketId(UUID value) {

    public static TicketId random() {
        return new TicketId(UUID.randomUUID());
    }

    @JsonCreator
    public static TicketId parse(String value) {
        return new TicketId(UUID.fromString(value));
    }

    /** For Spring's conversion of path variables. */
    public static TicketId from(String value) {
        return parse(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
