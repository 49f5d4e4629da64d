package org.gamebackend.bots.internal;

import java.util.Map;
import org.gamebackend.bots.Difficulty;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code game.bots.*}: whether bots play at all, how well, and per mode whether decisions come from a remote model.
 *
 * @param enabled false leaves every bot seat idle (a bot that never moves)
 * @param difficulty the level of modes not listed under {@code modes}
 * @param modes per matchmaking mode (or {@code custom} for private matches)
 */
@ConfigurationProperties("game.bots")
public record BotsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("medium") Difficulty difficulty,
        @DefaultValue Map<String, ModeBots> modes) {

    /**
     * @param difficulty the level of this mode's bots (the global default when absent)
     * @param remote the name of a remote policy under {@code game.bots.remotes} to ask first, or absent for rules
     *     only
     */
    public record ModeBots(
            @Nullable Difficulty difficulty, @Nullable String remote) {}

    Difficulty difficultyOf(String mode) {
        ModeBots m = modes.get(mode);
        Difficulty d = m == null ? null : m.difficulty();
        return d == null ? difficulty : d;
    }

    @Nullable
    String remoteOf(String mode) {
        ModeBots m = modes.get(mode);
        return m == null ? null : m.remote();
    }
}
