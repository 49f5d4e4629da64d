package org.gamebackend.realtime.internal;

import io.github.bucket4j.Bucket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.realtime.LeaveReason;
import org.gamebackend.realtime.protocol.Decoded;
import org.gamebackend.realtime.protocol.Encoded;
import org.gamebackend.realtime.protocol.PhoenixSerializer;
import org.gamebackend.realtime.protocol.WireFrames;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One socket. Incoming frames are handled on the socket's event-loop thread, which alone touches the joined-channel
 * map and the rate limiter; writes may come from any thread and never wait: past the outbound high-water mark they are
 * dropped, and a socket that stays there is closed. Kept small on purpose (no headers, no token, lazy maps): an idle
 * socket should cost a few hundred bytes here.
 */
final class Connection {

    private static final Logger log = LoggerFactory.getLogger(Connection.class);
    private static final AtomicIntegerFieldUpdater<Connection> SLOW_CHECK =
            AtomicIntegerFieldUpdater.newUpdater(Connection.class, "slowCheck");
    private static final AtomicIntegerFieldUpdater<Connection> CLOSING =
            AtomicIntegerFieldUpdater.newUpdater(Connection.class, "closing");

    private final Sockets sockets;
    private final Channel channel;
    private final PlayerId player;
    private final ConnectionLimits.Lease lease;
    private @Nullable Map<String, JoinedChannel> channels;
    private @Nullable Bucket bucket;
    private long refusalWindowStart;
    private int refusals;

    @SuppressWarnings("UnusedVariable") // read and written through SLOW_CHECK
    private volatile int slowCheck;

    private volatile int closing;

    Connection(Sockets sockets, Channel channel, PlayerId player, ConnectionLimits.Lease lease) {
        this.sockets = sockets;
        this.channel = channel;
        this.player = player;
        this.lease = lease;
    }

    PlayerId player() {
        return player;
    }

    PhoenixSerializer serializer() {
        return sockets.serializer();
    }

    // ---- incoming

    void onFrame(WebSocketFrame frame) {
        if (closing != 0) {
            return; // frames that arrive after the server decided to close are not handled
        }
        Decoded decoded;
        if (frame instanceof TextWebSocketFrame) {
            decoded = serializer().decodeText(ByteBufUtil.getBytes(frame.content()));
        } else if (frame instanceof BinaryWebSocketFrame) {
            decoded = serializer().decodeBinary(ByteBufUtil.getBytes(frame.content()));
        } else {
            return; // ping, pong and close are answered by Netty and Reactor Netty
        }
        switch (decoded) {
            case Decoded.Unreadable bad -> close(CloseCodes.INVALID_DATA, bad.reason());
            case Decoded.Malformed bad ->
                reply(bad.joinRef(), bad.ref(), bad.topic(), "error", Errors.malformed(bad.reason()));
            case Decoded.Inbound message -> {
                if (allowed()) {
                    sockets.metrics().message(message.event());
                    dispatch(message);
                } else {
                    refuse(message);
                }
            }
        }
    }

    private void dispatch(Decoded.Inbound message) {
        if ("phoenix".equals(message.topic()) && "heartbeat".equals(message.event())) {
            reply(null, message.ref(), "phoenix", "ok", Map.of());
            return;
        }
        switch (message.event()) {
            case "phx_join" -> sockets.channels().join(this, message);
            case "phx_leave" -> sockets.channels().leave(this, message);
            default -> sockets.channels().handleIn(this, message);
        }
    }

    /** Bucket4j per socket, unsynchronized: only this socket's event loop consumes from it. */
    private boolean allowed() {
        Bucket limiter = bucket;
        if (limiter == null) {
            limiter = sockets.newBucket();
            bucket = limiter;
        }
        if (limiter.tryConsume(1)) {
            return true;
        }
        long now = System.nanoTime();
        if (now - refusalWindowStart > TimeUnit.SECONDS.toNanos(1)) {
            refusalWindowStart = now;
            refusals = 0;
        }
        refusals++;
        return false;
    }

    private void refuse(Decoded.Inbound message) {
        reply(message.joinRef(), message.ref(), message.topic(), "error", Errors.reason("rate_limited"));
        if (refusals > sockets.props().rateLimit().burst()) {
            close(CloseCodes.POLICY, "rate limit exceeded");
        }
    }

    // ---- joined channels (event loop only)

    @Nullable
    JoinedChannel channel(String topic) {
        return channels == null ? null : channels.get(topic);
    }

    int channelCount() {
        return channels == null ? 0 : channels.size();
    }

    void add(JoinedChannel joined) {
        if (channels == null) {
            channels = new HashMap<>(4);
        }
        channels.put(joined.topic(), joined);
    }

    boolean remove(JoinedChannel joined) {
        return channels != null && channels.remove(joined.topic(), joined);
    }

    // ---- outgoing (any thread)

    /** Runs on this socket's event loop (where every callback of its channels runs). */
    void execute(Runnable task) {
        channel.eventLoop().execute(task);
    }

    void reply(@Nullable String joinRef, @Nullable String ref, String topic, String status, Object response) {
        send(serializer().reply(joinRef, ref, topic, status, response));
    }

    void send(Encoded message) {
        send(WireFrames.frame(channel.alloc(), message));
    }

    /** Takes ownership of {@code frame}, a complete WebSocket frame. */
    void send(ByteBuf frame) {
        if (!channel.isActive() || closing != 0) {
            frame.release();
        } else if (!channel.isWritable()) {
            frame.release();
            sockets.metrics().dropped();
            suspectSlowConsumer();
        } else {
            // the void promise allocates nothing; a failed write is reported through the pipeline
            var _ = channel.writeAndFlush(frame, channel.voidPromise());
        }
    }

    private void suspectSlowConsumer() {
        if (SLOW_CHECK.compareAndSet(this, 0, 1)) {
            long nanos = sockets.props().slowConsumerTimeout().toNanos();
            var _ = channel.eventLoop().schedule(this::checkSlowConsumer, nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void checkSlowConsumer() {
        if (channel.isActive() && !channel.isWritable()) {
            sockets.metrics().slowConsumer();
            log.info("Closing the socket of player {}: it did not read its messages (slow consumer)", player);
            close(CloseCodes.POLICY, "slow consumer");
        } else {
            slowCheck = 0;
        }
    }

    /**
     * Sends a close frame and lets the client answer with its own, after which Netty closes the connection; closing
     * at once could reset the connection while the client's last frames are in flight, and the client would see 1006
     * instead of the code. A peer that does not answer (or does not read at all) is cut off after a grace period.
     */
    void close(int code, String reason) {
        if (!CLOSING.compareAndSet(this, 0, 1)) {
            return;
        }
        var _ = channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
        var _ = channel.eventLoop().schedule(this::forceClose, 2, TimeUnit.SECONDS);
    }

    private void forceClose() {
        var _ = channel.close();
    }

    /** Whether the socket is still up (not closing, not closed). */
    boolean open() {
        return closing == 0 && channel.isActive();
    }

    /** The socket is gone: end every channel (presence leaves, handler callbacks) and free its admission. */
    void closed() {
        if (channels != null) {
            for (JoinedChannel joined : List.copyOf(channels.values())) {
                sockets.channels().end(joined, LeaveReason.DISCONNECTED);
            }
        }
        lease.release();
        sockets.unregister(this);
    }
}
