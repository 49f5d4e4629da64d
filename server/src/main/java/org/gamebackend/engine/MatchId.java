package org.gamebackend.engine;

import java.util.UUID;

public record MatchId(UUID value) {

    public static MatchId random() {
        return new MatchId(UUID.randomUUID());
    }

    public static MatchId parse(String value) {
        return new MatchId(UUID.fromString(value));
    }

    /** The socket topic of this match. */
    public String topic() {
        return "match:" + value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
