package org.gamebackend.accounts;

import java.util.UUID;

/** A player's id: the {@code sub} claim of their access token. */
public record PlayerId(UUID value) {

    public static PlayerId parse(String value) {
        return new PlayerId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
