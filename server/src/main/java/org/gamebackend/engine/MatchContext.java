package org.gamebackend.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a game's hooks may know and do. Valid only during the hook it was passed to. */
public interface MatchContext {

    MatchId matchId();

    /** Ticks since the match started (0 in {@code create}). */
    long tick();

    /** Simulated time since the start: {@code tick × tick interval}. Never the wall clock. */
    Duration elapsed();

    /**
     * How many ticks a duration spans at this game's tick rate, rounded up, at least 1. Use it for timers and
     * deadlines.
     */
    long ticks(Duration duration);

    /** Seeded by the engine; recorded for replays and carried through snapshots. */
    DeterministicRandom random();

    /** Every seat of the match, complete from {@code create} on, indexed 0..n-1 in seat order. */
    List<Seat> seats();

    /** To every player and spectator of the match. */
    void broadcast(String event, Object payload);

    /** To the player in one seat only. */
    void send(Seat seat, String event, Object payload);

    /** To spectators only. */
    void toSpectators(String event, Object payload);

    /**
     * Asks matchmaking for a new player in a seat whose player has left for good (typically from {@link Game#leave}).
     * If one is found, the seat gets that player, who joins like anyone else: {@link Game#join} runs when they first
     * connect, with the new {@link Seat}. Ignored for a seat that is held, and in replays.
     */
    void requestBackfill(Seat seat);

    /**
     * Asks for a bot to play a seat whose player has left for good (typically from {@link Game#leave}). When bots are
     * installed for this game, at the next tick the seat gets a bot (a new {@link Seat} with {@code bot} true and a
     * fresh id) and {@link Game#join} runs for it; a backfilled player may later take the seat from the bot. Ignored
     * for a seat that is held, without a bot policy for the game, and in replays.
     */
    void requestBot(Seat seat);

    /** Sends a state patch at the end of this tick even when the patch rate would not. */
    void patchNow();

    /**
     * Ends the match: {@code data} is the game's result (e.g. winner, scores; values may be null). After this only
     * the {@link Game#end} hook runs: no further inputs, no further ticks. A second call is ignored.
     */
    void end(Map<String, ? extends @Nullable Object> data);
}
