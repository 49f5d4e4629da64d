/**
 * The two-level cache behind Spring's cache abstraction: Caffeine in the JVM (L1) and, in connected and cluster modes,
 * Redis behind it (L2), with changes broadcast over Redis pub/sub so no node serves another node's stale entry. A
 * module declares a cache with a {@link org.gamebackend.platform.cache.CacheSpec} bean and uses it through Spring's
 * {@link org.springframework.cache.CacheManager}. See docs/cache.md.
 */
@org.jspecify.annotations.NullMarked
package org.gamebackend.platform.cache;
