package org.gamebackend.platform.cache;

import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.gamebackend.platform.GameProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.cache.CacheManager;
import org.springframework.cache.support.NoOpCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Picks the cache levels: none when {@code game.cache.enabled=false}; Caffeine alone in standalone mode (no Redis
 * client exists there) or with {@code game.cache.redis.enabled=false}; otherwise Caffeine before Redis, on the Redis
 * of {@code spring.data.redis.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheProperties.class)
class CacheConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CacheConfiguration.class);

    @Bean
    CacheManager cacheManager(
            CacheProperties props,
            List<CacheSpec> specs,
            GameProperties game,
            ObjectProvider<DataRedisProperties> redisSettings,
            MeterRegistry meters) {
        if (!props.enabled()) {
            log.info("Cache: off (game.cache.enabled=false); every read goes to its source");
            return new NoOpCacheManager();
        }
        TwoLevelCacheManager manager = new TwoLevelCacheManager(meters);
        DataRedisProperties settings = redisSettings.getIfAvailable();
        RedisLevel redis = !game.standalone() && props.redis().enabled() && settings != null
                ? new RedisLevel(uri(settings), props.redis(), manager::received, manager::reconnected, meters)
                : null;
        JsonMapper json = valueMapper();
        manager.start(
                specs.stream()
                        .map(spec -> new TwoLevelCache(
                                props.apply(spec),
                                props.local().enabled(),
                                redis,
                                props.redis().keyPrefix(),
                                json,
                                manager,
                                meters))
                        .toList(),
                redis);
        log.info(
                "Cache: {} with {}",
                manager.getCacheNames(),
                levels(props.local().enabled(), redis));
        return manager;
    }

    /**
     * The values' own JSON, not the API's (naming strategy and all): only the cache reads it back. Unknown properties
     * are ignored so that a node reads a value written by a newer node with a field added.
     */
    static JsonMapper valueMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private static String levels(boolean local, @Nullable RedisLevel redis) {
        if (redis == null) {
            return local ? "the JVM level (Caffeine) only" : "no level (game.cache.local.enabled=false, no Redis)";
        }
        return (local ? "Caffeine before Redis" : "Redis only (game.cache.local.enabled=false)") + ", invalidations on "
                + redis.channel();
    }

    private static RedisURI uri(DataRedisProperties settings) {
        if (StringUtils.hasText(settings.getUrl())) {
            return RedisURI.create(settings.getUrl());
        }
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(settings.getHost())
                .withPort(settings.getPort())
                .withDatabase(settings.getDatabase())
                .withSsl(settings.getSsl().isEnabled());
        String password = settings.getPassword();
        if (StringUtils.hasText(password)) {
            String user = settings.getUsername();
            if (StringUtils.hasText(user)) {
                uri.withAuthentication(user, password);
            } else {
                uri.withPassword(password.toCharArray());
            }
        }
        return uri.build();
    }
}
