package org.gamebackend.games.arena;

import static org.gamebackend.games.arena.Field.RADIUS;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.gamebackend.bots.Bot;
import org.gamebackend.bots.BotPolicy;
import org.gamebackend.bots.BotSeat;
import org.gamebackend.engine.Seat;
import org.jspecify.annotations.Nullable;

/**
 * The arena's rule-based bot: picks the nearest enemy it can see (else the nearest at all), keeps a fighting distance,
 * strafes, sidesteps shots flying at it, and fires when the line of fire is clear of walls. Difficulty sets how often
 * it reacts (every 2, 3 or 5 ticks), how well it aims (spread of 0.03, 0.10 or 0.25 rad), whether it leads a moving
 * target and whether it dodges.
 *
 * <p>Cost: a decision is a loop over at most 8 players and 40 shots plus a few line-of-sight samples, and it allocates
 * only the input it returns, so it runs inline on the tick worker.
 */
public final class ArenaBot implements BotPolicy<ArenaState, ArenaInput> {

    /** Distances the bot keeps: closer than this it backs off, farther than {@link #FAR} it closes in. */
    static final double NEAR = 450;

    static final double FAR = 900;
    /** Shots fly {@code SHOT_STEP × SHOT_LIFE_TICKS}; the bot fires a little inside that. */
    static final double RANGE = Arena.SHOT_STEP * Arena.SHOT_LIFE_TICKS * 0.9;

    private static final double SAMPLE = 100; // walls are at least 200 thick

    @Override
    public String game() {
        return Arena.SPEC.name();
    }

    @Override
    public Class<ArenaState> stateType() {
        return ArenaState.class;
    }

    @Override
    public Class<ArenaInput> inputType() {
        return ArenaInput.class;
    }

    @Override
    public Bot<ArenaState, ArenaInput> create(BotSeat seat) {
        return switch (seat.difficulty()) {
            case EASY -> new Fighter(seat, 5, 0.25, false, false);
            case MEDIUM -> new Fighter(seat, 3, 0.10, false, true);
            case HARD -> new Fighter(seat, 2, 0.03, true, true);
        };
    }

    @Override
    public Object observe(ArenaState state, Seat seat) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("seat", seat.index());
        view.put("arena", ArenaView.of(state));
        return view;
    }

    @Override
    public boolean wantsDecision(ArenaState state, Seat seat, long tick) {
        return tick % 2 == 0 && state.players[seat.index()].inPlay();
    }

    private static final class Fighter implements Bot<ArenaState, ArenaInput> {
        private final int seat;
        private final int every;
        private final double spread;
        private final boolean leads;
        private final boolean dodges;
        private final SplittableRandom random;
        private long seq;
        private long nextDecision;
        private double strafe = 1;
        private long strafeUntil;
        /** Where the bot was at its last decision, to notice it is stuck on a wall. */
        private double lastX = Double.NaN;

        private double lastY = Double.NaN;
        private int stuck;
        private long wanderUntil;
        private double wanderX;
        private double wanderY;

        Fighter(BotSeat seat, int every, double spread, boolean leads, boolean dodges) {
            this.seat = seat.seat().index();
            this.every = every;
            this.spread = spread;
            this.leads = leads;
            this.dodges = dodges;
            this.random = new SplittableRandom(seat.seed());
        }

        @Override
        public @Nullable ArenaInput decide(ArenaState state, long tick) {
            if (tick < nextDecision || state.over) {
                return null;
            }
            nextDecision = tick + every;
            ArenaState.Player me = state.players[seat];
            if (!me.inPlay()) {
                lastX = Double.NaN;
                return null;
            }
            ArenaState.Player target = target(state, me);
            double moveX;
            double moveY;
            double aim = me.aim;
            boolean fire = false;
            if (target == null) {
                moveX = Field.WIDTH / 2 - me.x;
                moveY = Field.HEIGHT / 2 - me.y;
            } else {
                double dx = target.x - me.x;
                double dy = target.y - me.y;
                double distance = Math.sqrt(dx * dx + dy * dy);
                double aimX = target.x;
                double aimY = target.y;
                if (leads) { // where the target will be when the shot gets there
                    double flight = distance / Arena.SHOT_STEP;
                    aimX += target.moveX * Arena.STEP * flight;
                    aimY += target.moveY * Arena.STEP * flight;
                }
                aim = Math.atan2(aimY - me.y, aimX - me.x) + random.nextGaussian() * spread;
                boolean visible = clear(me.x, me.y, target.x, target.y);
                fire = visible && distance < RANGE;
                if (tick >= strafeUntil) {
                    strafe = random.nextBoolean() ? 1 : -1;
                    strafeUntil = tick + 20 + random.nextInt(30);
                }
                double ux = distance > 0 ? dx / distance : 1;
                double uy = distance > 0 ? dy / distance : 0;
                double approach = !visible || distance > FAR ? 1 : distance < NEAR ? -1 : 0;
                moveX = ux * approach - uy * strafe * 0.8;
                moveY = uy * approach + ux * strafe * 0.8;
            }
            if (dodges) {
                double[] away = dodge(state, me);
                if (away != null) {
                    moveX = away[0];
                    moveY = away[1];
                }
            }
            if (stuckOnWall(me, moveX, moveY, tick)) {
                moveX = wanderX;
                moveY = wanderY;
            }
            double length = Math.sqrt(moveX * moveX + moveY * moveY);
            double[] move = length < 1e-9 ? new double[] {0, 0} : new double[] {moveX / length, moveY / length};
            aim = Math.max(-Arena.MAX_AIM, Math.min(Arena.MAX_AIM, aim));
            return new ArenaInput(++seq, move, fire, aim);
        }

        /** The nearest enemy in play that is in sight; the nearest at all when none is. */
        private ArenaState.@Nullable Player target(ArenaState state, ArenaState.Player me) {
            ArenaState.Player seen = null;
            ArenaState.Player any = null;
            double seenD = Double.MAX_VALUE;
            double anyD = Double.MAX_VALUE;
            for (int i = 0; i < state.players.length; i++) {
                ArenaState.Player p = state.players[i];
                if (i == seat || !p.inPlay()) {
                    continue;
                }
                double d = (p.x - me.x) * (p.x - me.x) + (p.y - me.y) * (p.y - me.y);
                if (d < anyD) {
                    anyD = d;
                    any = p;
                }
                if (d < seenD && clear(me.x, me.y, p.x, p.y)) {
                    seenD = d;
                    seen = p;
                }
            }
            return seen != null ? seen : any;
        }

        /** A sidestep from the nearest enemy shot that will pass within two radii in the next few ticks, or null. */
        private double @Nullable [] dodge(ArenaState state, ArenaState.Player me) {
            double[] best = null;
            double soonest = 6; // ticks ahead worth reacting to
            for (int i = 0; i < state.shotCount; i++) {
                ArenaState.Shot s = state.shots[i];
                if (s.owner == seat) {
                    continue;
                }
                double speed2 = s.vx * s.vx + s.vy * s.vy;
                double t = ((me.x - s.x) * s.vx + (me.y - s.y) * s.vy) / speed2;
                if (t < 0 || t > soonest) {
                    continue;
                }
                double cx = s.x + s.vx * t - me.x;
                double cy = s.y + s.vy * t - me.y;
                if (cx * cx + cy * cy > 4 * RADIUS * RADIUS) {
                    continue;
                }
                soonest = t;
                // perpendicular to the shot, on the side the bot already leans to
                double side = cx * -s.vy + cy * s.vx >= 0 ? -1 : 1;
                best = new double[] {-s.vy * side, s.vx * side};
            }
            return best;
        }

        /** After three decisions without moving while trying to, walks a random way for a second. */
        private boolean stuckOnWall(ArenaState.Player me, double moveX, double moveY, long tick) {
            boolean trying = moveX * moveX + moveY * moveY > 0.01;
            boolean still = !Double.isNaN(lastX) && Math.abs(me.x - lastX) + Math.abs(me.y - lastY) < Arena.STEP / 4;
            lastX = me.x;
            lastY = me.y;
            stuck = trying && still ? stuck + 1 : 0;
            if (stuck >= 3) {
                stuck = 0;
                double angle = random.nextDouble() * 2 * Math.PI;
                wanderX = Math.cos(angle);
                wanderY = Math.sin(angle);
                wanderUntil = tick + 20;
            }
            return tick < wanderUntil;
        }

        /** Whether a shot from (x0, y0) reaches (x1, y1) without meeting a wall. */
        private static boolean clear(double x0, double y0, double x1, double y1) {
            double dx = x1 - x0;
            double dy = y1 - y0;
            int steps = (int) (Math.sqrt(dx * dx + dy * dy) / SAMPLE);
            for (int i = 1; i < steps; i++) {
                double f = (double) i / steps;
                if (Field.solid(x0 + dx * f, y0 + dy * f)) {
                    return false;
                }
            }
            return true;
        }
    }
}
