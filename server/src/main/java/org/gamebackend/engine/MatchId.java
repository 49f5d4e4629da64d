package org.gamebackend.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record MatchId(UUID value) {

    public static MatchId random() {
        return new MatchId(UUID.randomUUID());
    }

    @JsonCreator
    public static MatchId parse(String value) {
        return new MatchId(UUID.fromString(value));
    }

    /** For Spring's conversion of path variables. */
    public static MatchId from(String value) {
        return parse(value);
    }

    /** The socket topic of this match. */
    public String topic() {
        return "match:" + value;
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
