package org.gamebackend.games.arena;

/**
 * An arena view's components in a plain record, which Jackson writes by reflection: what {@link ArenaView} cost before
 * it wrote itself, for {@code PatchEncodeBenchmark} to compare in one run.
 */
public record ReflectiveArenaView(long tick, long endTick, ArenaView.PlayerView[] players, ArenaView.ShotView[] shots) {

    /** The twin of a view returned by {@code Arena.view}. */
    public static Object of(Object view) {
        ArenaView v = (ArenaView) view;
        return new ReflectiveArenaView(v.tick(), v.endTick(), v.players(), v.shots());
    }
}
