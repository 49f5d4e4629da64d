package org.gamebackend.engine.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Spectators ({@code game.engine.spectators.*}).
 *
 * @param delay every spectator sees the match this much later than the players (0 = live); against ghosting, where a
 *     player watches their own match as a spectator to see what their opponents do
 * @param maxDelay the most a spectator may ask for with {@code {"spectate": true, "delay": seconds}}
 */
@ConfigurationProperties("game.engine.spectators")
public record SpectatorProperties(
        @DefaultValue("0s") Duration delay,
        @DefaultValue("300s") Duration maxDelay) {}
