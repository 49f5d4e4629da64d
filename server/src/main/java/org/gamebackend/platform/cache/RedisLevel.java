package org.gamebackend.platform.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache's own Redis connections (one for commands, one subscribed to the invalidation channel), separate from the
 * leaderboards' so that every call can be cut short: a call that fails or takes longer than {@code timeout} returns
 * nothing, is counted ({@code cache_redis_errors_total}) and logged at most every 30 s, and Redis is then skipped for
 * {@code backoff} so that an outage costs requests no more than one timeout each second. Commands are rejected at once
 * while disconnected (never queued and replayed later, which could write stale values). Lettuce reconnects both
 * connections and re-subscribes by itself; a connection that never came up is retried on use.
 */
final class RedisLevel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisLevel.class);

    private final ClientResources resources;
    private final RedisClient client;
    private final String channel;
    private final long timeoutMillis;
    private final long backoffNanos;
    private final Consumer<String> onMessage;
    private final MeterRegistry meters;
    private volatile @Nullable StatefulRedisConnection<String, String> commands;
    private volatile @Nullable StatefulRedisPubSubConnection<String, String> subscription;
    private volatile long skipUntil = System.nanoTime();
    private final org.gamebackend.platform.Throttle warnings =
            new org.gamebackend.platform.Throttle(Duration.ofSeconds(30));
    private volatile long nextConnectAttempt = System.nanoTime();
    private final ReentrantLock connecting = new ReentrantLock();

    /**
     * @param onMessage gets each message of the invalidation channel (on a Lettuce thread: keep it short)
     * @param onConnected runs whenever a connection comes up again after it was lost
     */
    RedisLevel(
            RedisURI uri,
            CacheProperties.Redis props,
            Consumer<String> onMessage,
            Runnable onConnected,
            MeterRegistry meters) {
        this.channel = props.keyPrefix() + "invalidate";
        this.timeoutMillis = props.timeout().toMillis();
        this.backoffNanos = props.backoff().toNanos();
        this.onMessage = onMessage;
        this.meters = meters;
        uri.setTimeout(props.timeout());
        // reconnect within 2 s of Redis coming back (Lettuce's default backs off to 30 s)
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(
                        Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(props.timeout().multipliedBy(4))
                        .build())
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(props.timeout()))
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                // use Redis again at once: a load during the back-off would otherwise fill the (just cleared) JVM
                // level with a value that then never reaches Redis until it expires
                skipUntil = System.nanoTime();
                onConnected.run();
            }
        });
        connect();
    }

    /** The channel every node publishes its changes on. */
    String channel() {
        return channel;
    }

    @Nullable
    String get(String key) {
        return call("get", c -> c.get(key));
    }

    /** The values of {@code keys} in one round trip, null where absent; all null when Redis fails. */
    List<@Nullable String> get(List<String> keys) {
        List<KeyValue<String, String>> found =
                keys.isEmpty() ? List.of() : call("get", c -> c.mget(keys.toArray(String[]::new)));
        List<@Nullable String> values = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            values.add(
                    found != null && i < found.size() && found.get(i).hasValue()
                            ? found.get(i).getValue()
                            : null);
        }
        return values;
    }

    void set(String key, String value, Duration ttl) {
        call("set", c -> c.set(key, value, SetArgs.Builder.px(ttl.toMillis())));
    }

    void delete(String key) {
        call("delete", c -> c.unlink(key));
    }

    /** Deletes every key that starts with {@code prefix}, a page of SCAN at a time. */
    void deleteAll(String prefix) {
        ScanArgs match = ScanArgs.Builder.matches(escape(prefix) + "*").limit(500);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            ScanCursor from = cursor;
            KeyScanCursor<String> page = call("clear", c -> c.scan(from, match));
            if (page == null) {
                return;
            }
            if (!page.getKeys().isEmpty()) {
                call("clear", c -> c.unlink(page.getKeys().toArray(String[]::new)));
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    void publish(String message) {
        call("publish", c -> c.publish(channel, message));
    }

    private <T> @Nullable T call(String op, Function<RedisAsyncCommands<String, String>, RedisFuture<T>> command) {
        if (System.nanoTime() - skipUntil < 0) {
            error(op, "skipped");
            return null;
        }
        StatefulRedisConnection<String, String> c = commands != null && subscription != null ? commands : connect();
        if (c == null) {
            return null;
        }
        try {
            return command.apply(c.async()).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            failed(op, "timeout", e);
        } catch (ExecutionException e) {
            failed(op, "error", e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            failed(op, "error", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /**
     * Opens the connections that are not open yet, at most once per backoff and by one thread at a time (the others go
     * on without Redis meanwhile); null while Redis cannot be reached.
     */
    private @Nullable StatefulRedisConnection<String, String> connect() {
        if (System.nanoTime() - nextConnectAttempt < 0 || !connecting.tryLock()) {
            error("connect", "skipped");
            return commands;
        }
        try {
            if (commands != null && subscription != null) {
                return commands;
            }
            nextConnectAttempt = System.nanoTime() + backoffNanos;
            if (subscription == null) {
                StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
                sub.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String from, String message) {
                        onMessage.accept(message);
                    }
                });
                sub.sync().subscribe(channel);
                subscription = sub;
            }
            if (commands == null) {
                commands = client.connect();
            }
        } catch (RuntimeException e) {
            failed("connect", "error", e);
        } finally {
            connecting.unlock();
        }
        return commands;
    }

    private void failed(String op, String reason, Throwable e) {
        skipUntil = System.nanoTime() + backoffNanos;
        error(op, reason);
        if (warnings.due()) {
            log.warn(
                    "Cache: Redis {} failed ({}: {}); serving from the JVM level and the source, skipping Redis for {}"
                            + " ms after each failure (logged at most every 30 s)",
                    op,
                    reason,
                    String.valueOf(e.getMessage()),
                    TimeUnit.NANOSECONDS.toMillis(backoffNanos));
        }
    }

    private void error(String op, String reason) {
        Counter.builder("cache.redis.errors")
                .description("Redis calls of the cache that failed, timed out or were skipped after a failure")
                .tag("op", op)
                .tag("reason", reason)
                .register(meters)
                .increment();
    }

    private static String escape(String glob) {
        return glob.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    @Override
    public void close() {
        StatefulRedisPubSubConnection<String, String> sub = subscription;
        StatefulRedisConnection<String, String> c = commands;
        if (sub != null) {
            sub.close();
        }
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
