package org.gamebackend.games.arena;

/**
 * What clients see each patch: positions rounded to hundredths of a unit (plenty for drawing, and fewer bytes for
 * thousands of sockets), and only the shots in flight. The internals of {@link ArenaState} (intent, cooldowns) stay
 * server-side.
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
    record PlayerView(String id, double x, double y, double aim, int health, int score, long lastSeq, boolean alive) {}

    /** @param vx velocity in units per second, for drawing between patches */
    record ShotView(double x, double y, double vx, double vy) {}

    static ArenaView of(ArenaState state) {
        PlayerView[] players = new PlayerView[state.players.length];
        for (int i = 0; i < players.length; i++) {
            ArenaState.Player p = state.players[i];
            players[i] = new PlayerView(
                    p.id, round(p.x), round(p.y), round(p.aim), p.health, p.score, p.lastSeq, p.inPlay());
        }
        ShotView[] shots = new ShotView[state.shotCount];
        int perSecond = Arena.SPEC.tickRate();
        for (int i = 0; i < shots.length; i++) {
            ArenaState.Shot s = state.shots[i];
            shots[i] = new ShotView(round(s.x), round(s.y), round(s.vx * perSecond), round(s.vy * perSecond));
        }
        return new ArenaView(state.tick, state.endTick, players, shots);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
