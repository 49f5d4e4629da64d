package org.gamebackend.platform;

import java.util.Locale;

/**
 * How the server runs. Domain code never asks; only the wiring of adapters (database, cache, event bus) does.
 *
 * <ul>
 *   <li>{@code standalone}: one JVM with an embedded PostgreSQL under {@code ./data}, nothing else needed.
 *   <li>{@code connected}: real PostgreSQL, Redis and RabbitMQ named by environment variables.
 *   <li>{@code cluster}: several connected nodes coordinating through Redis and RabbitMQ.
 * </ul>
 */
public enum GameMode {
    STANDALONE,
    CONNECTED,
    CLUSTER;

    public static final String PROPERTY = "game.mode";

    public static GameMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown GAME_MODE '" + value + "': use standalone, connected or cluster", e);
        }
    }

    /** The Spring profile that carries this mode's settings. */
    public String profile() {
        return name().toLowerCase(Locale.ROOT);
    }
}
