package org.gamebackend.games.arena;

import static org.gamebackend.games.arena.Arena.DAMAGE;
import static org.gamebackend.games.arena.Arena.FIRE_COOLDOWN_TICKS;
import static org.gamebackend.games.arena.Arena.SHOT_LIFE_TICKS;
import static org.gamebackend.games.arena.Arena.SHOT_STEP;
import static org.gamebackend.games.arena.Field.RADIUS;

import java.util.Map;
import org.gamebackend.engine.MatchContext;
import org.gamebackend.games.arena.ArenaState.Player;
import org.gamebackend.games.arena.ArenaState.Shot;
import org.jspecify.annotations.Nullable;

/** Firing, flying and hitting: the arena's combat, in place on the state's shot pool. */
final class Shots {

    private Shots() {}

    static void fire(ArenaState state, Player p, int seat, long now) {
        boolean wants = p.trigger || p.pressed;
        p.pressed = false;
        if (!wants || !p.inPlay() || now < p.nextFireTick || state.shotCount == state.shots.length) {
            return;
        }
        // StrictMath: Math.sin/cos may differ by an ulp between JVMs and CPUs, which would break replays.
        double dirX = StrictMath.cos(p.aim);
        double dirY = StrictMath.sin(p.aim);
        Shot shot = state.shots[state.shotCount++];
        shot.owner = seat;
        shot.x = p.x + dirX * RADIUS;
        shot.y = p.y + dirY * RADIUS;
        shot.vx = dirX * SHOT_STEP;
        shot.vy = dirY * SHOT_STEP;
        shot.expiresTick = now + SHOT_LIFE_TICKS;
        p.nextFireTick = now + FIRE_COOLDOWN_TICKS;
    }

    /** Moves every flying shot one tick; a shot that hits a player, a wall or its range is spent. */
    static void move(ArenaState state, long now, MatchContext ctx) {
        int i = 0;
        while (i < state.shotCount) {
            Shot shot = state.shots[i];
            Player victim = firstHit(state.players, shot);
            shot.x += shot.vx;
            shot.y += shot.vy;
            if (victim != null) {
                hit(state, state.players[shot.owner], victim, now, ctx);
            }
            if (victim != null || now >= shot.expiresTick || Field.solid(shot.x, shot.y)) {
                // Swap the spent shot with the last flying one; the pool keeps both objects.
                state.shots[i] = state.shots[--state.shotCount];
                state.shots[state.shotCount] = shot;
            } else {
                i++;
            }
        }
    }

    /** The first player, other than the shooter, that the shot's path this tick passes within a radius of. */
    private static @Nullable Player firstHit(Player[] players, Shot shot) {
        Player first = null;
        double firstT = Double.MAX_VALUE;
        double speed2 = shot.vx * shot.vx + shot.vy * shot.vy;
        for (int i = 0; i < players.length; i++) {
            Player p = players[i];
            if (i == shot.owner || !p.inPlay()) {
                continue;
            }
            double t = Field.clamp(((p.x - shot.x) * shot.vx + (p.y - shot.y) * shot.vy) / speed2, 0, 1);
            double dx = shot.x + shot.vx * t - p.x;
            double dy = shot.y + shot.vy * t - p.y;
            if (dx * dx + dy * dy <= RADIUS * RADIUS && t < firstT) {
                first = p;
                firstT = t;
            }
        }
        return first;
    }

    private static void hit(ArenaState state, Player shooter, Player victim, long now, MatchContext ctx) {
        victim.health -= DAMAGE;
        if (victim.health > 0) {
            return;
        }
        victim.health = 0;
        victim.deaths++;
        victim.respawnTick = now + state.respawnTicks;
        shooter.score++;
        ctx.broadcast("kill", Map.of("killer", shooter.id, "victim", victim.id));
    }
}
