package org.gamebackend.realtime.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.SynchronizationStrategy;
import io.netty.channel.Channel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.realtime.protocol.PhoenixSerializer;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * The open sockets of this node and what they share. On shutdown every socket is closed with 1012 (service restart)
 * before the web server drains, so clients reconnect elsewhere at once instead of waiting for the idle timeout.
 */
final class Sockets implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Sockets.class);

    private final PhoenixSerializer serializer;
    private final Channels channels;
    private final RealtimeMetrics metrics;
    private final RealtimeProperties props;
    private final Bandwidth rate;
    private final WriteBufferWaterMark waterMark;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    Sockets(PhoenixSerializer serializer, Channels channels, RealtimeMetrics metrics, RealtimeProperties props) {
        this.serializer = serializer;
        this.channels = channels;
        this.metrics = metrics;
        this.props = props;
        RealtimeProperties.RateLimit limit = props.rateLimit();
        this.rate = Bandwidth.builder()
                .capacity(limit.burst())
                .refillGreedy(limit.perSecond(), Duration.ofSeconds(1))
                .build();
        int high = (int) props.outboundBuffer().toBytes();
        this.waterMark = new WriteBufferWaterMark(high / 2, high);
    }

    /** Runs a socket that passed the handshake until it closes. */
    Publisher<Void> serve(PlayerId player, ConnectionLimits.Lease lease, WebsocketInbound in, WebsocketOutbound out) {
        AtomicReference<Channel> netty = new AtomicReference<>();
        in.withConnection(c -> netty.set(c.channel()));
        Channel channel = Objects.requireNonNull(netty.get(), "a socket has a channel");
        channel.config().setWriteBufferWaterMark(waterMark);
        // a match's tick writes a socket's state frame and then its input reply from another thread, each with its own
        // flush: consolidated, they leave in one write system call (and replies sent while reading, at read end)
        channel.pipeline().addFirst("flush-consolidation", new FlushConsolidationHandler(256, true));
        Connection connection = new Connection(this, channel, player, lease);
        open.add(connection);
        metrics.opened();
        channel.closeFuture().addListener(f -> connection.closed());
        in.withConnection(c -> c.onReadIdle(
                props.idleTimeout().toMillis(), () -> connection.close(CloseCodes.NORMAL, "idle timeout")));
        return in.aggregateFrames((int) props.maxFrameSize().toBytes())
                .receiveFrames()
                .doOnNext(frame -> {
                    try {
                        connection.onFrame(frame);
                    } catch (RuntimeException e) {
                        log.error("Socket of player {} failed", player, e);
                        connection.close(CloseCodes.INTERNAL_ERROR, "internal error");
                    }
                })
                .then();
    }

    void unregister(Connection connection) {
        if (open.remove(connection)) {
            metrics.closed();
        }
    }

    Bucket newBucket() {
        return Bucket.builder()
                .addLimit(rate)
                .withSynchronizationStrategy(SynchronizationStrategy.NONE)
                .build();
    }

    PhoenixSerializer serializer() {
        return serializer;
    }

    Channels channels() {
        return channels;
    }

    RealtimeMetrics metrics() {
        return metrics;
    }

    RealtimeProperties props() {
        return props;
    }

    boolean accepting() {
        return running;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        for (Connection connection : List.copyOf(open)) {
            connection.close(CloseCodes.RESTART, "server restart");
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
