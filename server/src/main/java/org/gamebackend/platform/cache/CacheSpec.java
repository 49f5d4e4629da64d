package org.gamebackend.platform.cache;

import java.time.Duration;

/**
 * A cache a module uses, declared as a bean by that module: its name, the type of its values (Redis holds them as JSON
 * of exactly this type) and its defaults, which {@code game.cache.caches.<name>.*} may override.
 *
 * @param ttl how long an entry lives after it was written, in both levels: the longest a value can be stale when an
 *     invalidation is lost (Redis unreachable while it changed)
 * @param maxSize entries kept in the JVM (Caffeine evicts the least used beyond it); Redis is bounded by the TTL
 */
public record CacheSpec(String name, Class<?> valueType, Duration ttl, long maxSize) {

    public CacheSpec {
        if (!name.matches("[a-z][a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("a cache name is 2-41 of a-z, 0-9, '-': " + name);
        }
        if (ttl.isNegative() || ttl.isZero() || maxSize < 1) {
            throw new IllegalArgumentException("cache " + name + " needs a positive ttl and max-size");
        }
    }
}
