package org.gamebackend.engine.internal;

import org.jspecify.annotations.Nullable;

/**
 * One thing that happened to a match, in the order the simulation applied it: enough to replay the match exactly.
 *
 * @param tick the tick it was applied before
 * @param seat the seat it concerns
 * @param kind join, drop, leave, input, replace or bot (a rejoin is a join of a seat that had joined before)
 * @param input the input's JSON as received (inputs only)
 * @param parsed the input already parsed at the edge (live matches), or null to parse {@code input} (replays)
 */
record LogEntry(
        long tick,
        int seat,
        Kind kind,
        byte @Nullable [] input,
        @Nullable Object parsed) {

    static LogEntry of(long tick, int seat, Kind kind) {
        return new LogEntry(tick, seat, kind, null, null);
    }

    enum Kind {
        JOIN,
        DROP,
        LEAVE,
        INPUT,
        /** A new player takes a seat that was left for good; {@code input} is the player's id as a JSON string. */
        REPLACE,
        /** A bot takes a seat that was left for good; {@code input} is the bot's id as a JSON string. */
        BOT
    }
}
