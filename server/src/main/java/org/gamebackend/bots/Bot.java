package org.gamebackend.bots;

import org.jspecify.annotations.Nullable;

/**
 * One seat's bot, made by {@link BotPolicy#create}. Called once per tick on the match's tick worker.
 *
 * @param <S> the game's state (read only)
 * @param <I> the game's input type
 */
@FunctionalInterface
public interface Bot<S, I> {

    /** The input for this tick, or null to send nothing (the game keeps the last one, as for a player). */
    @Nullable
    I decide(S state, long tick);
}
