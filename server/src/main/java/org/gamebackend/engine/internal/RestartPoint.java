package org.gamebackend.engine.internal;

import java.util.Arrays;
import org.gamebackend.accounts.PlayerId;
import org.jspecify.annotations.Nullable;

/**
 * Where a running match restarts from after a failure: a {@link Snapshot} kept in place. Each match has one, filled
 * again every {@code snapshot-every} ticks ({@link Simulation#checkpoint}) into the same arrays, so it stays in the
 * old generation: a new snapshot each time meant every young collection copied each match's latest one (~35 MB at
 * 10,000 matches, docs/benchmarks.md, "Patch encoding, and a fourth sitting"). Only the match's tick worker touches it.
 */
final class RestartPoint {

    long tick;
    long randomState;
    /** The game state as JSON: {@code state[0 .. stateLength)}. */
    byte[] state = new byte[0];

    int stateLength;
    int logPosition;
    boolean[] joined = new boolean[0];
    boolean[] connected = new boolean[0];
    boolean[] gone = new boolean[0];
    long[] graceEnds = new long[0];
    /** Per seat, its holder; null only from a stored snapshot older than seats changing hands. */
    PlayerId @Nullable [] players = new PlayerId[0];

    /** Keeps the state's JSON, in the same array while it fits (with room to grow a little). */
    void state(byte[] json) {
        if (json.length > state.length) {
            state = new byte[json.length + json.length / 4];
        }
        System.arraycopy(json, 0, state, 0, json.length);
        stateLength = json.length;
    }

    /**
     * Sizes the per-seat arrays for {@code seats} (once: a match's seat count never changes); returns the holders'
     * array to fill.
     */
    PlayerId[] seats(int seats) {
        PlayerId[] holders = players;
        if (holders == null || joined.length != seats || holders.length != seats) {
            joined = new boolean[seats];
            connected = new boolean[seats];
            gone = new boolean[seats];
            graceEnds = new long[seats];
            holders = new PlayerId[seats];
            players = holders;
        }
        return holders;
    }

    /** A stored snapshot, to restore from (the arrays are the snapshot's: it is not kept after the restore). */
    static RestartPoint of(Snapshot snapshot) {
        RestartPoint p = new RestartPoint();
        p.tick = snapshot.tick();
        p.randomState = snapshot.randomState();
        p.state = snapshot.state();
        p.stateLength = snapshot.state().length;
        p.logPosition = snapshot.logPosition();
        p.joined = snapshot.joined();
        p.connected = snapshot.connected();
        p.gone = snapshot.gone();
        p.graceEnds = snapshot.graceEnds();
        String[] ids = snapshot.players();
        p.players = ids == null ? null : Arrays.stream(ids).map(PlayerId::parse).toArray(PlayerId[]::new);
        return p;
    }

    /** A copy that owns its arrays, to store. */
    Snapshot toSnapshot() {
        PlayerId[] holders = players;
        String @Nullable [] ids = null;
        if (holders != null) {
            ids = new String[holders.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = holders[i].toString();
            }
        }
        return new Snapshot(
                tick,
                randomState,
                Arrays.copyOf(state, stateLength),
                logPosition,
                joined.clone(),
                connected.clone(),
                gone.clone(),
                graceEnds.clone(),
                ids);
    }
}
