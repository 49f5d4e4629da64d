package org.gamebackend.engine;

import java.time.Duration;

/**
 * What the engine needs to know to run a game.
 *
 * @param name the game's id, as in modes and the API ({@code tictactoe}, {@code arena})
 * @param tickRate simulation steps per second (1–120); a turn-based game may tick slowly
 * @param patchRate state patches sent per second (at most the tick rate); 0 sends state only when {@link
 *     MatchContext#patchNow()} asks
 * @param minSeats seats that must be filled to start
 * @param maxSeats seats the match has
 */
public record GameSpec(String name, int tickRate, int patchRate, int minSeats, int maxSeats) {

    public GameSpec {
        if (!name.matches("[a-z][a-z0-9-]{1,31}")) {
            throw new IllegalArgumentException("game name must be 2-32 of a-z, 0-9, '-': " + name);
        }
        if (tickRate < 1 || tickRate > 120) {
            throw new IllegalArgumentException("tickRate must be 1..120, was " + tickRate);
        }
        if (patchRate < 0 || patchRate > tickRate) {
            throw new IllegalArgumentException("patchRate must be 0..tickRate, was " + patchRate);
        }
        if (minSeats < 1 || maxSeats < minSeats || maxSeats > 64) {
            throw new IllegalArgumentException("seats must satisfy 1 <= min <= max <= 64");
        }
    }

    public Duration tickInterval() {
        return Duration.ofNanos(1_000_000_000L / tickRate);
    }

    /** Ticks between patches (0 = on demand only). */
    public int ticksPerPatch() {
        return patchRate == 0 ? 0 : Math.max(1, tickRate / patchRate);
    }
}
