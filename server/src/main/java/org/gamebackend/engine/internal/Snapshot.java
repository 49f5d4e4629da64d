package org.gamebackend.engine.internal;

/**
 * A match as it was at one tick: enough to restart it there. Arrays are copies owned by the snapshot.
 *
 * @param state the game state as JSON
 * @param logPosition the log checkpoint taken with this snapshot
 * @param graceEnds per seat, the tick its grace period ends, or -1
 * @param players per seat, the player holding it (seats change hands by backfill); null in snapshots from before
 */
record Snapshot(
        long tick,
        long randomState,
        byte[] state,
        int logPosition,
        boolean[] joined,
        boolean[] connected,
        boolean[] gone,
        long[] graceEnds,
        String @org.jspecify.annotations.Nullable [] players) {}
