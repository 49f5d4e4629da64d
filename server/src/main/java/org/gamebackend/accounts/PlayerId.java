package org.gamebackend.accounts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A player's id: the {@code sub} claim of their access token. */
public record PlayerId(UUID value) {

    @JsonCreator
    public static PlayerId parse(String value) {
        return new PlayerId(UUID.fromString(value));
    }

    /** For Spring's conversion of path variables. */
    public static PlayerId from(String value) {
        return parse(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
