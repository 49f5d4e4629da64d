package org.gamebackend.matchmaking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A party: players who queue together and are always matched as one unit. */
public record PartyId(UUID value) {

    public static PartyId random() {
        return new PartyId(UUID.randomUUID());
    }

    @JsonCreator
    public static PartyId parse(String value) {
        return new PartyId(UUID.fromString(value));
    }

    /** For Spring's conversion of path variables. */
    public static PartyId from(String value) {
        return parse(value);
    }

    /** The socket topic of this party. */
    public String topic() {
        return "party:" + value;
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
