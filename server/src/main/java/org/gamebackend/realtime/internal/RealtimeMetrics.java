package org.gamebackend.realtime.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The socket's meters, under the Prometheus names the seed used ({@code phoenix_channel_join_total},
 * {@code phoenix_channel_message_total}) plus connections, drops, slow consumers and fan-out time. Event names come
 * from clients, so their tag values are capped: past {@link #MAX_EVENT_TAGS} they count as {@code other}.
 */
final class RealtimeMetrics {

    static final int MAX_EVENT_TAGS = 200;

    private final MeterRegistry registry;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Counter> joins = new ConcurrentHashMap<>();
    private final Map<String, Counter> messages = new ConcurrentHashMap<>();
    private final Counter dropped;
    private final Counter slowConsumers;
    private final Timer fanOut;

    RealtimeMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("phoenix.connections", open, AtomicInteger::get)
                .description("Open sockets")
                .register(registry);
        this.dropped = Counter.builder("phoenix.outbound.dropped")
                .description("Messages not sent because the socket's outbound buffer was full")
                .register(registry);
        this.slowConsumers = Counter.builder("phoenix.slow.consumer.disconnects")
                .description("Sockets closed because they stayed above their outbound high-water mark")
                .register(registry);
        this.fanOut = Timer.builder("phoenix.broadcast.fanout")
                .description("Time to encode a broadcast once and hand it to every subscriber")
                .register(registry);
    }

    void opened() {
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    int open() {
        return open.get();
    }

    /** {@code result}: ok, error, unmatched, crashed, rate_limited, too_many_channels. */
    void join(String topic, String result) {
        String prefix = topic.indexOf(':') < 0 ? topic : topic.substring(0, topic.indexOf(':'));
        String key = prefix + ' ' + result;
        if (joins.size() >= MAX_EVENT_TAGS && !joins.containsKey(key)) {
            key = "other " + result;
        }
        joins.computeIfAbsent(
                        key,
                        k -> Counter.builder("phoenix.channel.join")
                                .description("Channel joins by topic prefix and result")
                                .tag("topic", k.substring(0, k.indexOf(' ')))
                                .tag("result", result)
                                .register(registry))
                .increment();
    }

    void message(String event) {
        String key = messages.size() >= MAX_EVENT_TAGS && !messages.containsKey(event) ? "other" : event;
        messages.computeIfAbsent(
                        key,
                        k -> Counter.builder("phoenix.channel.message")
                                .description("Messages received from clients, by event")
                                .tag("event", k)
                                .register(registry))
                .increment();
    }

    void dropped() {
        dropped.increment();
    }

    void slowConsumer() {
        slowConsumers.increment();
    }

    void fanOut(long nanos) {
        fanOut.record(nanos, TimeUnit.NANOSECONDS);
    }
}
