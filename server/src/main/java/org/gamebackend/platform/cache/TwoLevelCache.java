package org.gamebackend.platform.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.support.AbstractValueAdaptingCache;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One cache of {@link TwoLevelCacheManager}: Caffeine in the JVM, then (when there is one) Redis, then the caller's
 * loader. Keys are the {@code toString()} of the caller's key. A value loaded from the source is written to both levels
 * without telling other nodes (they cannot hold a different value that is still valid); a {@link #put} or {@link
 * #evict} is a change: it is written through to Redis and published, and every other node drops its JVM copy. Null
 * values are not cached. A value Redis holds that does not read as {@link CacheSpec#valueType()} (an older format)
 * counts as a miss and is overwritten.
 */
final class TwoLevelCache extends AbstractValueAdaptingCache {

    private final CacheSpec spec;
    private final com.github.benmanes.caffeine.cache.@Nullable Cache<String, Object> local;
    private final @Nullable Remote remote;
    private final String keyPrefix;
    private final JsonMapper json;
    private final Changes changes;

    /** Redis and its meters (none in standalone mode, so /metrics shows no Redis level there). */
    private record Remote(RedisLevel redis, Counter hits, Counter misses, Counter puts) {}

    /** Where a change is announced to the other nodes. */
    interface Changes {
        void evicted(String cache, String key);

        void cleared(String cache);
    }

    TwoLevelCache(
            CacheSpec spec,
            boolean localLevel,
            @Nullable RedisLevel redis,
            String keyPrefix,
            JsonMapper json,
            Changes changes,
            MeterRegistry meters) {
        super(false);
        this.spec = spec;
        this.keyPrefix = keyPrefix + spec.name() + ":";
        this.json = json;
        this.changes = changes;
        if (localLevel) {
            var caffeine = Caffeine.newBuilder()
                    .maximumSize(spec.maxSize())
                    .expireAfterWrite(spec.ttl())
                    .recordStats()
                    .<String, Object>build();
            CaffeineCacheMetrics.monitor(meters, caffeine, spec.name(), Tags.of("level", "local"));
            this.local = caffeine;
        } else {
            this.local = null;
        }
        if (redis != null) {
            Tags tags = Tags.of("cache", spec.name(), "level", "redis");
            this.remote = new Remote(
                    redis,
                    meters.counter("cache.gets", tags.and("result", "hit")),
                    meters.counter("cache.gets", tags.and("result", "miss")),
                    meters.counter("cache.puts", tags));
        } else {
            this.remote = null;
        }
    }

    @Override
    public String getName() {
        return spec.name();
    }

    @Override
    public Object getNativeCache() {
        return local != null ? local : this;
    }

    @Override
    protected @Nullable Object lookup(Object key) {
        String k = key.toString();
        if (local != null) {
            Object hit = local.getIfPresent(k);
            if (hit != null) {
                return hit;
            }
        }
        Object shared = fromRedis(k);
        if (shared != null && local != null) {
            local.put(k, shared);
        }
        return shared;
    }

    /** What of {@code keys} either level holds: the JVM level first, then one MGET for the rest. */
    <T> Map<Object, T> getAll(Collection<?> keys, Class<T> type) {
        Map<Object, T> found = new LinkedHashMap<>();
        List<Object> missed = new ArrayList<>();
        for (Object key : keys) {
            Object hit = local == null ? null : local.getIfPresent(key.toString());
            if (hit != null) {
                found.put(key, type.cast(hit));
            } else {
                missed.add(key);
            }
        }
        if (remote == null || missed.isEmpty()) {
            return found;
        }
        List<@Nullable String> stored =
                remote.redis().get(missed.stream().map(k -> keyPrefix + k).toList());
        for (int i = 0; i < missed.size(); i++) {
            Object value = decode(stored.get(i));
            if (value != null) {
                found.put(missed.get(i), type.cast(value));
                if (local != null) {
                    local.put(missed.get(i).toString(), value);
                }
            }
        }
        return found;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
        String k = key.toString();
        if (local == null) {
            return (T) loadThrough(k, valueLoader);
        }
        // Caffeine runs the loader once per key however many callers miss at the same time
        return (T) local.get(k, missed -> loadThrough(missed, valueLoader));
    }

    private @Nullable Object loadThrough(String key, Callable<?> valueLoader) {
        Object shared = fromRedis(key);
        if (shared != null) {
            return shared;
        }
        Object loaded;
        try {
            loaded = valueLoader.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ValueRetrievalException(key, valueLoader, e);
        }
        if (loaded != null) {
            toRedis(key, loaded);
        }
        return loaded;
    }

    @Override
    public void put(Object key, @Nullable Object value) {
        String k = key.toString();
        if (value == null) {
            evict(key);
            return;
        }
        if (local != null) {
            local.put(k, value);
        }
        toRedis(k, value);
        changes.evicted(spec.name(), k);
    }

    /**
     * Stores a value just read from the source, unless the JVM level has one: not a change, so nothing is announced
     * (a batch read uses it for the misses it loaded in one query).
     */
    @Override
    public @Nullable ValueWrapper putIfAbsent(Object key, @Nullable Object value) {
        String k = key.toString();
        Object existing = local == null ? null : local.getIfPresent(k);
        if (existing != null) {
            return toValueWrapper(existing);
        }
        if (value != null) {
            if (local != null) {
                local.put(k, value);
            }
            toRedis(k, value);
        }
        return null;
    }

    @Override
    public void evict(Object key) {
        String k = key.toString();
        if (local != null) {
            local.invalidate(k);
        }
        if (remote != null) {
            remote.redis().delete(keyPrefix + k);
        }
        changes.evicted(spec.name(), k);
    }

    @Override
    public void clear() {
        clearLocal();
        if (remote != null) {
            remote.redis().deleteAll(keyPrefix);
        }
        changes.cleared(spec.name());
    }

    /** Another node changed this key: forget the JVM copy (the next read finds the new value in Redis or the source). */
    void evictLocal(String key) {
        if (local != null) {
            local.invalidate(key);
        }
    }

    void clearLocal() {
        if (local != null) {
            local.invalidateAll();
        }
    }

    private @Nullable Object fromRedis(String key) {
        if (remote == null) {
            return null;
        }
        return decode(remote.redis().get(keyPrefix + key));
    }

    /** A value as Redis held it (null: none, or Redis failed), counted as a Redis hit or miss. */
    private @Nullable Object decode(@Nullable String stored) {
        if (remote == null) {
            return null;
        }
        if (stored == null) {
            remote.misses().increment();
            return null;
        }
        try {
            Object value = json.readValue(stored, spec.valueType());
            remote.hits().increment();
            return value;
        } catch (JacksonException e) {
            remote.misses().increment();
            return null;
        }
    }

    private void toRedis(String key, Object value) {
        if (remote != null) {
            remote.redis().set(keyPrefix + key, json.writeValueAsString(value), spec.ttl());
            remote.puts().increment();
        }
    }
}
