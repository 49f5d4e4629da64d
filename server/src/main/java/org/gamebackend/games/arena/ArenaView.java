package org.gamebackend.games.arena;

/**
 * What clients see each patch: whole-number positions (see {@link Field}), the aim to hundredths of a radian, and only
 * the shots in flight. The internals of {@link ArenaState} (intent, cooldowns) stay server-side.
 *
 * @param tick the tick this frame shows
 * @param endTick the tick at which the match ends (20 ticks a second)
 */
@SuppressWarnings("ArrayRecordComponent") // serialized once per patch, never compared
record ArenaView(long tick, long endTick, PlayerView[] players, ShotView[] shots) {

    /**
     * @param alive on the field now (joined, not left, not waiting to respawn)
     * @param lastSeq the last input of this player applied, for measuring input-to-effect latency
     */
    record PlayerView(String id, int x, int y, double aim, int health, int score, long lastSeq, boolean alive) {}

    /** @param vx velocity in units per second, for drawing between patches */
    record ShotView(int x, int y, int vx, int vy) {}

    static ArenaView of(ArenaState state) {
        PlayerView[] players = new PlayerView[state.players.length];
        for (int i = 0; i < players.length; i++) {
            ArenaState.Player p = state.players[i];
            players[i] = new PlayerView(
                    p.id,
                    whole(p.x),
                    whole(p.y),
                    Math.round(p.aim * 100) / 100.0,
                    p.health,
                    p.score,
                    p.lastSeq,
                    p.inPlay());
        }
        ShotView[] shots = new ShotView[state.shotCount];
        int perSecond = Arena.SPEC.tickRate();
        for (int i = 0; i < shots.length; i++) {
            ArenaState.Shot s = state.shots[i];
            shots[i] = new ShotView(whole(s.x), whole(s.y), whole(s.vx * perSecond), whole(s.vy * perSecond));
        }
        return new ArenaView(state.tick, state.endTick, players, shots);
    }

    private static int whole(double v) {
        return (int) Math.round(v);
    }
}
