package org.gamebackend.engine;

import org.jspecify.annotations.Nullable;

/**
 * Plays one bot seat of one match. The engine calls {@link #act} on the match's tick worker at the start of every
 * tick, after the players' inputs of that tick: the state is the live one, to be read and never changed, and the call
 * must return within microseconds — a remote policy answers with what it received earlier and never waits.
 *
 * <p>What it returns is applied exactly like a player's input (the game validates it; it is recorded for replays),
 * so a bot cannot do anything a player could not.
 */
public interface BotPlayer {

    /** This tick's input for the seat, of the game's input type, or null for none (the last one still holds). */
    @Nullable
    Object act(Object state, long tick);

    /** The seat is no longer this bot's (match ended, seat backfilled): release anything held. */
    default void detach() {}
}
