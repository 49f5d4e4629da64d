package org.gamebackend.games.arena;

/**
 * An arena match: plain fields and arrays (no maps, no lists) so a tick allocates nothing, and Jackson can snapshot
 * and restore it as it is. Players are indexed by seat; shots live in a pool sized at creation.
 */
public final class ArenaState {

    Player[] players = {};
    /** {@code shots[0 .. shotCount)} are flying; the rest are spare, reused without allocation. */
    Shot[] shots = {};

    int shotCount;
    /** Mirrors the context's tick, because {@link Arena#view} sees only the state. */
    long tick;

    long endTick;
    long respawnTicks;
    boolean over;

    static final class Player {
        String id = "";
        double x;
        double y;
        double aim;
        int health;
        int score;
        int deaths;
        long lastSeq;
        // What the last input asked for, applied by every tick until the next input.
        double moveX;
        double moveY;
        boolean trigger;
        /** A press seen since the last tick: fires even if a later input in the same tick released the trigger. */
        boolean pressed;

        long nextFireTick;
        long respawnTick;
        boolean joined;
        boolean left;

        boolean inPlay() {
            return joined && !left && health > 0;
        }

        void stop() {
            moveX = 0;
            moveY = 0;
            trigger = false;
            pressed = false;
        }
    }

    /** A projectile: position and velocity per tick. */
    static final class Shot {
        int owner;
        double x;
        double y;
        double vx;
        double vy;
        long expiresTick;
    }
}
