package org.gamebackend.platform.cache;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

/**
 * The caches the modules declared ({@link CacheSpec} beans), each {@link TwoLevelCache}. Changes go out on one Redis
 * channel as {@code e|node|cache|key} (evict) or {@code c|node|cache} (clear); a node ignores its own. When a Redis
 * connection comes back after an outage every JVM level is cleared: invalidations published meanwhile were lost, and a
 * JVM copy could otherwise be served stale until its TTL.
 */
final class TwoLevelCacheManager implements CacheManager, TwoLevelCache.Changes, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TwoLevelCacheManager.class);

    private final String node = UUID.randomUUID().toString();
    private volatile Map<String, TwoLevelCache> caches = Map.of();
    private final MeterRegistry meters;
    private volatile @Nullable RedisLevel redis;

    TwoLevelCacheManager(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Called once while wiring, before any cache is used. */
    void start(List<TwoLevelCache> all, @Nullable RedisLevel shared) {
        Map<String, TwoLevelCache> byName = new LinkedHashMap<>();
        all.forEach(c -> byName.put(c.getName(), c));
        this.caches = java.util.Collections.unmodifiableMap(byName);
        this.redis = shared;
    }

    @Override
    public @Nullable Cache getCache(String name) {
        return caches.get(name);
    }

    @Override
    public Collection<String> getCacheNames() {
        return List.copyOf(caches.keySet());
    }

    @Override
    public void evicted(String cache, String key) {
        publish("e|" + node + "|" + cache + "|" + key);
    }

    @Override
    public void cleared(String cache) {
        publish("c|" + node + "|" + cache);
    }

    private void publish(String message) {
        RedisLevel shared = redis;
        if (shared != null) {
            shared.publish(message);
            meters.counter("cache.invalidations", "direction", "sent").increment();
        }
    }

    /** A message of the invalidation channel. */
    void received(String message) {
        String[] parts = message.split("\\|", 4);
        if (parts.length < 3 || parts[1].equals(node)) {
            return;
        }
        TwoLevelCache cache = caches.get(parts[2]);
        if (cache == null) {
            return;
        }
        meters.counter("cache.invalidations", "direction", "received").increment();
        if (parts[0].equals("c")) {
            cache.clearLocal();
        } else if (parts[0].equals("e") && parts.length == 4) {
            cache.evictLocal(parts[3]);
        }
    }

    /** A Redis connection came (back) up: drop whatever may have missed an invalidation while it was down. */
    void reconnected() {
        if (caches.isEmpty()) {
            return;
        }
        caches.values().forEach(TwoLevelCache::clearLocal);
        meters.counter("cache.local.clears", "reason", "reconnect").increment();
        log.info(
                "Cache: Redis connected; cleared the JVM level of {} (changes made meanwhile were not heard)",
                caches.keySet());
    }

    @Override
    public void destroy() {
        RedisLevel shared = redis;
        if (shared != null) {
            shared.close();
        }
    }
}
