package org.gamebackend.matchmaking.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Matchmaking settings ({@code game.matchmaking.*}); each mode is checked against its game at start (see {@link
 * Mode#of}).
 *
 * @param interval how often every pool is paired; a pool that can fill a match is paired at once as well
 * @param acceptTimeout how long matched players have to join their match before they count as no-shows
 * @param noShowCooldown how long a no-show may not queue again
 * @param keepEndedTickets how long ended tickets stay readable before the clean-up job deletes them
 * @param clusterSync cluster mode: how often a node reads the searching tickets other nodes queued into its pools,
 *     and drops those that stopped searching elsewhere (cancelled, matched by another node)
 * @param modes by name (the name clients queue for)
 */
@ConfigurationProperties("game.matchmaking")
public record MatchmakingProperties(
        @DefaultValue("1s") Duration interval,
        @DefaultValue("20s") Duration acceptTimeout,
        @DefaultValue("1m") Duration noShowCooldown,
        @DefaultValue("1d") Duration keepEndedTickets,
        @DefaultValue("1s") Duration clusterSync,
        @DefaultValue Map<String, ModeProperties> modes) {

    /**
     * One mode.
     *
     * @param game the game it starts
     * @param teams teams per match (a free-for-all of n is n teams of one)
     * @param teamSize players per team
     * @param ranked whether results change ratings
     * @param regions where it is played; empty means every region the server offers
     * @param window how far apart in rating the players of a match may be
     * @param regionFallback when a ticket may be matched outside its region
     * @param bots when bots fill empty seats
     * @param ticketTtl how long a ticket searches before it expires
     */
    public record ModeProperties(
            String game,
            @DefaultValue("2") int teams,
            @DefaultValue("1") int teamSize,
            @DefaultValue("true") boolean ranked,
            @DefaultValue List<String> regions,
            @DefaultValue Window window,
            @DefaultValue Fallback regionFallback,
            @DefaultValue Bots bots,
            @DefaultValue("5m") Duration ticketTtl) {}

    /**
     * The rating window: {@code start} wide when a ticket is new, widened by {@code widenPerSecond} for every second
     * it waits, never wider than {@code max}. Players match when the spread of their ratings fits every one's window.
     */
    public record Window(
            @DefaultValue("100") double start,
            @DefaultValue("10") double widenPerSecond,
            @DefaultValue("400") double max) {}

    /**
     * After {@code after} of waiting, a ticket that reported latencies is also offered to every other region of the
     * mode where its latency is at most {@code maxLatency} ms. A zero {@code after} disables fallback.
     */
    public record Fallback(
            @DefaultValue("15s") Duration after,
            @DefaultValue("120") int maxLatency) {}

    /**
     * Once the oldest ticket of a group has waited {@code after}, the group's empty seats are filled with bots rated
     * near the group, provided it has at least {@code minHumans} players. Matches with bots change ratings only when
     * {@code ranked} is set (and the mode is ranked).
     */
    public record Bots(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30s") Duration after,
            @DefaultValue("1") int minHumans,
            @DefaultValue("false") boolean ranked) {}
}
