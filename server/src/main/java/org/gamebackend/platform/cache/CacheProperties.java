package org.gamebackend.platform.cache;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code game.cache.*}: see docs/cache.md.
 *
 * @param enabled false: no caching at all (every read goes to its source)
 * @param local the JVM level (Caffeine)
 * @param redis the shared level of connected and cluster modes (standalone mode has no Redis)
 * @param caches per cache, overrides of the TTL and size its module declared
 */
@ConfigurationProperties("game.cache")
public record CacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Local local,
        @DefaultValue Redis redis,
        @DefaultValue Map<String, Tuning> caches) {

    /** @param enabled false: every read goes to Redis (for measuring the Redis level alone) */
    public record Local(@DefaultValue("true") boolean enabled) {}

    /**
     * @param enabled false: the JVM level only, also in connected mode (nodes then do not see each other's changes
     *     before the TTL)
     * @param keyPrefix before every key and the invalidation channel; its {@code v1} is the format of the values, bumped
     *     when a cached type changes incompatibly
     * @param timeout the longest one Redis call may take before the cache goes on without Redis
     * @param backoff after a failed call, how long Redis is skipped before it is tried again
     */
    public record Redis(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("gb:cache:v1:") String keyPrefix,
            @DefaultValue("250ms") Duration timeout,
            @DefaultValue("1s") Duration backoff) {}

    /** Overrides of a {@link CacheSpec}'s defaults; unset fields keep them. */
    public record Tuning(@Nullable Duration ttl, @Nullable Long maxSize) {}

    CacheSpec apply(CacheSpec spec) {
        // an environment variable cannot spell the '-' of a map key: GAME_CACHE_CACHES_LEADERBOARDPAGES_TTL
        Tuning o = caches.entrySet().stream()
                .filter(e ->
                        e.getKey().replace("-", "").equalsIgnoreCase(spec.name().replace("-", "")))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        if (o == null) {
            return spec;
        }
        return new CacheSpec(
                spec.name(),
                spec.valueType(),
                o.ttl() == null ? spec.ttl() : o.ttl(),
                o.maxSize() == null ? spec.maxSize() : o.maxSize());
    }
}
