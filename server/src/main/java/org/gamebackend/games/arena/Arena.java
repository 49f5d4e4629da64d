package org.gamebackend.games.arena;

import static org.gamebackend.games.arena.Field.RADIUS;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gamebackend.engine.DeterministicRandom;
import org.gamebackend.engine.Game;
import org.gamebackend.engine.GameSpec;
import org.gamebackend.engine.InputResult;
import org.gamebackend.engine.MatchContext;
import org.gamebackend.engine.Seat;
import org.gamebackend.games.arena.ArenaState.Player;
import org.gamebackend.games.arena.ArenaState.Shot;

/**
 * Arena: 2-8 players walk and shoot in a walled 2D field for a fixed time; a kill scores one point, the dead respawn
 * after a delay, and the highest score wins. Result: {@code {winner: player_id | null, scores: {player_id: n}, reason:
 * time | forfeit}}; a tie for first place has no winner.
 *
 * <p>Cost: a tick is a few loops over at most 8 players and 40 shots, with no allocation except on a kill, because
 * the benchmark runs 10,000 matches of 4 at 20 Hz on 2 cores.
 */
public final class Arena implements Game<ArenaState, ArenaInput> {

    /** 20 ticks and 20 patches a second: every tick's movement reaches clients, so last_seq measures one tick. */
    /** A leaver is replaced only when at least this much of the match is left. */
    static final Duration BACKFILL_MIN_TIME_LEFT = Duration.ofSeconds(30);

    static final GameSpec SPEC = new GameSpec("arena", 20, 20, 2, 8);

    static final int MAX_HEALTH = 100;
    static final int DAMAGE = 25;
    /** Per tick: 600 a second walking (a field's width in 8 s), 2,000 a second for shots. */
    static final double STEP = 30;

    static final double SHOT_STEP = 100;
    static final int FIRE_COOLDOWN_TICKS = 5;
    static final int SHOT_LIFE_TICKS = 24;
    /** Life over cooldown, rounded up: no player can have more shots in flight. */
    static final int SHOTS_PER_PLAYER = 5;

    static final Duration RESPAWN_DELAY = Duration.ofSeconds(3);
    static final double MAX_AIM = 2 * Math.PI;
    private static final int SPAWN_TRIES = 32;

    private final Duration matchLength;

    /** @param matchLength how long a match lasts before the highest score wins */
    public Arena(Duration matchLength) {
        if (!matchLength.isPositive()) {
            throw new IllegalArgumentException("match length must be positive, was " + matchLength);
        }
        this.matchLength = matchLength;
    }

    @Override
    public GameSpec spec() {
        return SPEC;
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
    public ArenaState create(MatchContext ctx) {
        ArenaState state = new ArenaState();
        int seats = ctx.seats().size();
        state.players = new Player[seats];
        for (Seat seat : ctx.seats()) {
            Player player = new Player();
            player.id = seat.player().toString();
            state.players[seat.index()] = player;
        }
        state.shots = new Shot[seats * SHOTS_PER_PLAYER];
        for (int i = 0; i < state.shots.length; i++) {
            state.shots[i] = new Shot();
        }
        state.endTick = ctx.tick() + ctx.ticks(matchLength);
        state.respawnTicks = ctx.ticks(RESPAWN_DELAY);
        return state;
    }

    /** A player enters the field on first connecting, not at creation: nobody is shot before their client is up. */
    @Override
    public void join(ArenaState state, Seat seat, MatchContext ctx) {
        Player player = state.players[seat.index()];
        if (!player.id.equals(seat.player().toString())) {
            // a backfilled seat: the newcomer takes the place, not the leaver's score
            player.id = seat.player().toString();
            player.left = false;
            player.score = 0;
            player.deaths = 0;
            player.lastSeq = 0;
        }
        player.joined = true;
        spawn(state, player, seat.index(), ctx.random());
    }

    /** A dropped player's avatar stays (and can be shot) but stops walking and firing. */
    @Override
    public void drop(ArenaState state, Seat seat, MatchContext ctx) {
        state.players[seat.index()].stop();
    }

    /**
     * The leaver's avatar leaves the field and cannot win; with one player left, that player wins. Otherwise a bot takes
     * the seat (a newcomer from the field, not the leaver's score) and, with enough time left, matchmaking looks for a
     * player to take it from the bot.
     */
    @Override
    public void leave(ArenaState state, Seat seat, MatchContext ctx) {
        Player leaver = state.players[seat.index()];
        leaver.left = true;
        leaver.stop();
        int remaining = 0;
        for (Player player : state.players) {
            remaining += player.left ? 0 : 1;
        }
        if (remaining <= 1 && !state.over) {
            finish(state, "forfeit", ctx);
        } else if (!state.over) {
            ctx.requestBot(seat); // nobody plays short-handed: a bot holds the seat (when bots are installed)
            if (state.endTick - ctx.tick() >= ctx.ticks(BACKFILL_MIN_TIME_LEFT)) {
                ctx.requestBackfill(seat); // enough of the match is left for a newcomer to take it from the bot
            }
        }
    }

    @Override
    public InputResult input(ArenaState state, Seat seat, ArenaInput input, MatchContext ctx) {
        Player player = state.players[seat.index()];
        double[] move = input.move();
        if (move == null || move.length != 2 || !within(move[0], 1) || !within(move[1], 1)) {
            return InputResult.reject("bad_move");
        }
        if (!within(input.aim(), MAX_AIM)) {
            return InputResult.reject("bad_aim");
        }
        if (input.seq() < 1) {
            return InputResult.reject("bad_seq");
        }
        if (input.seq() <= player.lastSeq) {
            return InputResult.reject("stale_seq");
        }
        if (state.over || player.left) {
            return InputResult.reject("not_playing");
        }
        double length = Math.sqrt(move[0] * move[0] + move[1] * move[1]);
        double scale = length > 1 ? 1 / length : 1; // diagonals are no faster than straight lines
        player.moveX = move[0] * scale;
        player.moveY = move[1] * scale;
        player.aim = input.aim();
        player.trigger = input.fire();
        player.pressed |= input.fire();
        player.lastSeq = input.seq();
        return InputResult.ok();
    }

    /** NaN fails every comparison, so this refuses NaN, both infinities and anything huge in one test. */
    private static boolean within(double value, double bound) {
        return value >= -bound && value <= bound;
    }

    @Override
    public void tick(ArenaState state, MatchContext ctx) {
        if (state.over) {
            return;
        }
        long now = ctx.tick();
        state.tick = now;
        Player[] players = state.players;
        for (int i = 0; i < players.length; i++) {
            Player p = players[i];
            if (p.inPlay()) {
                p.x += p.moveX * STEP;
                p.y += p.moveY * STEP;
                Field.pushOut(p);
            } else if (p.joined && !p.left && now >= p.respawnTick) {
                spawn(state, p, i, ctx.random());
            }
        }
        separate(players);
        for (int i = 0; i < players.length; i++) {
            Shots.fire(state, players[i], i, now);
        }
        Shots.move(state, now, ctx);
        if (now >= state.endTick) {
            finish(state, "time", ctx);
        }
    }

    /** Pushes overlapping players apart, half each, in seat order so the result is the same on every replay. */
    private static void separate(Player[] players) {
        for (int i = 0; i < players.length; i++) {
            for (int j = i + 1; j < players.length; j++) {
                Player a = players[i];
                Player b = players[j];
                if (!a.inPlay() || !b.inPlay()) {
                    continue;
                }
                double dx = b.x - a.x;
                double dy = b.y - a.y;
                double d2 = dx * dx + dy * dy;
                if (d2 >= 4 * RADIUS * RADIUS) {
                    continue;
                }
                double d = Math.sqrt(d2);
                double nx = d > 0 ? dx / d : 1; // exactly on top of each other: split along x
                double ny = d > 0 ? dy / d : 0;
                double half = (2 * RADIUS - d) / 2;
                a.x -= nx * half;
                a.y -= ny * half;
                b.x += nx * half;
                b.y += ny * half;
                Field.pushOut(a);
                Field.pushOut(b);
            }
        }
    }

    /** Somewhere random that is clear of walls and other players; a corner when 32 tries find nothing. */
    private static void spawn(ArenaState state, Player p, int seat, DeterministicRandom random) {
        double[] corner = Field.CORNERS[seat % Field.CORNERS.length];
        p.x = corner[0];
        p.y = corner[1];
        for (int attempt = 0; attempt < SPAWN_TRIES; attempt++) {
            double x = RADIUS + random.nextDouble() * (Field.WIDTH - 2 * RADIUS);
            double y = RADIUS + random.nextDouble() * (Field.HEIGHT - 2 * RADIUS);
            if (!Field.blocked(x, y, 2 * RADIUS) && clearOfPlayers(state.players, p, x, y)) {
                p.x = x;
                p.y = y;
                break;
            }
        }
        p.health = MAX_HEALTH;
        p.nextFireTick = 0;
    }

    private static boolean clearOfPlayers(Player[] players, Player self, double x, double y) {
        for (Player other : players) {
            double dx = other.x - x;
            double dy = other.y - y;
            if (other != self && other.inPlay() && dx * dx + dy * dy < 16 * RADIUS * RADIUS) {
                return false;
            }
        }
        return true;
    }

    /** Ends the match: the highest score among those still in it wins; a tie, or nobody left, has no winner. */
    private static void finish(ArenaState state, String reason, MatchContext ctx) {
        state.over = true;
        Map<String, Integer> scores = new LinkedHashMap<>();
        String winner = null;
        int best = Integer.MIN_VALUE;
        boolean tie = false;
        for (Player p : state.players) {
            scores.put(p.id, p.score);
            if (!p.left && p.score > best) {
                winner = p.id;
                best = p.score;
                tie = false;
            } else if (!p.left && p.score == best) {
                tie = true;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("winner", tie ? null : winner);
        result.put("scores", scores);
        result.put("reason", reason);
        ctx.end(result);
    }

    @Override
    public Object view(ArenaState state) {
        return ArenaView.of(state);
    }
}
