package org.gamebackend.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a game's hooks may know and do. Valid only during the hook it was passed to. */
public interface MatchContext {

    MatchId matchId();

    /** Ticks since the match started (0 in {@code create}). */
    long tick();

    /** Simulated time since the start: {@code tick × tick interval}. Never the wall clock. */
    Duration elapsed();

    /** How many ticks a duration spans at this game's tick rate (at least 1). Use it for timers and deadlines. */
    long ticks(Duration duration);

    /** Seeded by the engine; recorded for replays and carried through snapshots. */
    DeterministicRandom random();

    List<Seat> seats();

    /** To every player and spectator of the match. */
    void broadcast(String event, Object payload);

    /** To the player in one seat only. */
    void send(Seat seat, String event, Object payload);

    /** To spectators only. */
    void toSpectators(String event, Object payload);

    /** Sends a state patch at the end of this tick even when the patch rate would not. */
    void patchNow();

    /** Ends the match after this hook; {@code data} is the game's result (e.g. winner, scores). */
    void end(Map<String, Object> data);
}
