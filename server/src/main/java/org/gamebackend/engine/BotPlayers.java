package org.gamebackend.engine;

import org.jspecify.annotations.Nullable;

/**
 * Where the engine gets someone to play a bot seat: the {@code bots} module implements it (the engine runs without
 * it, and its bot seats then stand idle). Asked once per bot seat when a match starts or resumes, and when a bot takes
 * over a seat its player left for good ({@link MatchContext#requestBot}).
 */
public interface BotPlayers {

    /** Whether a bot can play this game at all (a game without a policy gets no takeovers). */
    boolean plays(String game);

    /**
     * A player for one bot seat, or null to leave it idle.
     *
     * @param seed differs per match and seat; a bot may use it for its own randomness (its inputs are recorded like a
     *     player's, so replays do not depend on it)
     */
    @Nullable
    BotPlayer attach(String game, String mode, Seat seat, long seed);
}
