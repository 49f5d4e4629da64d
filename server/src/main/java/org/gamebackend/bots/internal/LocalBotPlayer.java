package org.gamebackend.bots.internal;

import org.gamebackend.bots.Bot;
import org.gamebackend.engine.BotPlayer;
import org.jspecify.annotations.Nullable;

/** A rule-based bot on the engine's bot seam: decides inline and times itself. */
final class LocalBotPlayer<S, I> implements BotPlayer {

    private final Class<S> stateType;
    private final Bot<S, I> bot;
    private final BotMetrics.GameMeters meters;

    LocalBotPlayer(Class<S> stateType, Bot<S, I> bot, BotMetrics.GameMeters meters) {
        this.stateType = stateType;
        this.bot = bot;
        this.meters = meters;
    }

    @Override
    public @Nullable Object act(Object state, long tick) {
        long started = System.nanoTime();
        I input = bot.decide(stateType.cast(state), tick);
        meters.local(System.nanoTime() - started, input != null);
        return input;
    }
}
