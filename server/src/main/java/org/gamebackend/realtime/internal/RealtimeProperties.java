package org.gamebackend.realtime.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Socket settings ({@code game.realtime.*}).
 *
 * @param idleTimeout a socket that sends nothing for this long is closed (Phoenix: 60 s; clients heartbeat every 30 s)
 * @param maxFrameSize a bigger incoming frame closes the socket with 1009
 * @param maxChannels channels one socket may have joined at once (Phoenix's {@code max_channels_per_transport})
 * @param maxConnectionsPerPlayer sockets one player may hold open; more are refused with HTTP 429
 * @param maxConnections sockets this node accepts in all, refused with HTTP 503 beyond; 0 derives it from the
 *     process's open-files limit minus {@code reservedFiles}, so the cap is hit cleanly before accept() fails
 * @param reservedFiles open files kept for everything else (database pool, logs, jars) when deriving the cap
 * @param outboundBuffer bytes queued for one socket before further messages to it are dropped (Netty's high-water
 *     mark; it becomes writable again below half of it)
 * @param slowConsumerTimeout a socket that stays above its high-water mark this long is closed with 1008
 * @param rateLimit incoming messages per socket
 */
@ConfigurationProperties("game.realtime")
public record RealtimeProperties(
        @DefaultValue("60s") Duration idleTimeout,
        @DefaultValue("64KB") DataSize maxFrameSize,
        @DefaultValue("100") int maxChannels,
        @DefaultValue("8") int maxConnectionsPerPlayer,
        @DefaultValue("0") int maxConnections,
        @DefaultValue("500") int reservedFiles,
        @DefaultValue("256KB") DataSize outboundBuffer,
        @DefaultValue("5s") Duration slowConsumerTimeout,
        @DefaultValue RateLimit rateLimit) {

    /**
     * A token bucket per socket: {@code burst} messages at once, refilled at {@code perSecond}. A message over the
     * limit gets the error reply {@code rate_limited}; more than {@code burst} refusals within one second close the
     * socket with 1008.
     */
    public record RateLimit(
            @DefaultValue("120") int burst,
            @DefaultValue("60") int perSecond) {}
}
