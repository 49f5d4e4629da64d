package org.gamebackend.platform.cache;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.cache.Cache;

/** Reads beyond Spring's {@link Cache} interface. */
public final class Caches {

    private Caches() {}

    /**
     * The values {@code cache} holds for {@code keys}, by key; absent keys are left out. On a two-level cache the misses
     * of the JVM level are read from Redis in one round trip (a leaderboard page names 50 players), elsewhere key by
     * key. Nothing is loaded: the caller loads the misses at once and stores them with {@link Cache#putIfAbsent}.
     */
    public static <T> Map<Object, T> getAll(Cache cache, Collection<?> keys, Class<T> type) {
        if (cache instanceof TwoLevelCache twoLevel) {
            return twoLevel.getAll(keys, type);
        }
        Map<Object, T> found = new LinkedHashMap<>();
        for (Object key : keys) {
            T hit = cache.get(key, type);
            if (hit != null) {
                found.put(key, hit);
            }
        }
        return found;
    }
}
