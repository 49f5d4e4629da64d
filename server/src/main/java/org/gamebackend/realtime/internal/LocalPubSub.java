package org.gamebackend.realtime.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gamebackend.realtime.ChannelContext;
import org.gamebackend.realtime.PubSub;
import org.gamebackend.realtime.protocol.PhoenixSerializer;
import org.gamebackend.realtime.protocol.WireFrames;
import org.jspecify.annotations.Nullable;

/**
 * Subscribers of each topic on this node, as copy-on-write arrays: broadcasting (frequent, large topics) iterates
 * without locks or allocation; joining and leaving copy the array. A broadcast is encoded into one complete WebSocket
 * frame and every subscriber gets a retained duplicate of that buffer.
 */
final class LocalPubSub implements PubSub {

    private static final JoinedChannel[] NONE = new JoinedChannel[0];

    private final Map<String, JoinedChannel[]> topics = new ConcurrentHashMap<>();
    private final PhoenixSerializer serializer;
    private final RealtimeMetrics metrics;
    private final ByteBufAllocator alloc;

    LocalPubSub(PhoenixSerializer serializer, RealtimeMetrics metrics, ByteBufAllocator alloc) {
        this.serializer = serializer;
        this.metrics = metrics;
        this.alloc = alloc;
    }

    void subscribe(JoinedChannel channel) {
        topics.compute(channel.topic(), (topic, subscribers) -> {
            JoinedChannel[] current = subscribers == null ? NONE : subscribers;
            JoinedChannel[] more = Arrays.copyOf(current, current.length + 1);
            more[current.length] = channel;
            return more;
        });
    }

    void unsubscribe(JoinedChannel channel) {
        topics.computeIfPresent(channel.topic(), (topic, subscribers) -> without(subscribers, channel));
    }

    private static JoinedChannel @Nullable [] without(JoinedChannel[] subscribers, JoinedChannel channel) {
        for (int i = 0; i < subscribers.length; i++) {
            if (subscribers[i] == channel) {
                if (subscribers.length == 1) {
                    return null;
                }
                JoinedChannel[] fewer = new JoinedChannel[subscribers.length - 1];
                System.arraycopy(subscribers, 0, fewer, 0, i);
                System.arraycopy(subscribers, i + 1, fewer, i, subscribers.length - i - 1);
                return fewer;
            }
        }
        return subscribers;
    }

    int subscribers(String topic) {
        JoinedChannel[] subscribers = topics.get(topic);
        return subscribers == null ? 0 : subscribers.length;
    }

    @Override
    public void broadcast(String topic, String event, Object payload) {
        fanOut(topic, event, payload, null);
    }

    @Override
    public void broadcastFrom(ChannelContext from, String event, Object payload) {
        fanOut(from.topic(), event, payload, from);
    }

    private void fanOut(String topic, String event, Object payload, @Nullable ChannelContext except) {
        JoinedChannel[] subscribers = topics.get(topic);
        if (subscribers == null) {
            return;
        }
        long start = System.nanoTime();
        ByteBuf frame = WireFrames.frame(alloc, serializer.broadcast(topic, event, payload));
        try {
            for (JoinedChannel subscriber : subscribers) {
                if (subscriber != except) {
                    subscriber.connection().send(frame.retainedDuplicate());
                }
            }
        } finally {
            frame.release();
        }
        metrics.fanOut(System.nanoTime() - start);
    }
}
