package org.gamebackend.platform;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Reads the environment the way the original deployment wrote it and turns it into Spring settings, before anything
 * else is configured: the run mode (and its profile), {@code PROMETHEUS_PORT}, {@code JWT_KEY_FILE} and {@code LOG_FORMAT};
 * in standalone mode Redis and RabbitMQ are left out entirely and GraphiQL is on (unless set), and the job worker count defaults to two per core.
 *
 * <p>The mode is {@code GAME_MODE} when set; otherwise {@code connected} when a database is named ({@code
 * DATABASE_URL} or {@code SPRING_DATASOURCE_URL}), else {@code standalone}.
 */
public class GameEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "gameEnvironment";

    /** Variables that set a property only when they have a value (an empty value would not bind). */
    private static final Map<String, String> ALIASES = Map.of(
            "PROMETHEUS_PORT", "management.server.port",
            "JWT_KEY_FILE", "game.security.jwt.key-file");

    private static final String EXCLUDE = "spring.autoconfigure.exclude";
    private static final String JOB_WORKERS = "jobrunr.background-job-server.worker-count";
    private static final String GRAPHIQL = "spring.graphql.graphiql.enabled";

    /** Standalone mode needs no Redis or RabbitMQ: their clients, health checks and listeners are not created at all. */
    private static final List<String> STANDALONE_EXCLUDES = List.of(
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> derived = new HashMap<>();
        GameMode mode = mode(env);
        derived.put(GameMode.PROPERTY, mode.profile());
        ALIASES.forEach((variable, property) -> {
            String value = env.getProperty(variable);
            if (StringUtils.hasText(value) && !env.containsProperty(property)) {
                derived.put(property, value.trim());
            }
        });
        if (mode == GameMode.STANDALONE) {
            derived.put(EXCLUDE, excluding(env.getProperty(EXCLUDE, ""), STANDALONE_EXCLUDES));
            if (!env.containsProperty(GRAPHIQL)) {
                // a playground on a developer's machine; a deployed server shows it only when asked to
                derived.put(GRAPHIQL, true);
            }
        }
        if (!env.containsProperty(JOB_WORKERS)) {
            // rating and clean-up jobs wait on the database more than they compute: two per core
            derived.put(JOB_WORKERS, Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
        }
        String logFormat = env.getProperty("LOG_FORMAT");
        if ("json".equalsIgnoreCase(logFormat) && !env.containsProperty("logging.structured.format.console")) {
            derived.put("logging.structured.format.console", "ecs");
        }
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, derived));
        if (!env.matchesProfiles(mode.profile())) {
            env.addActiveProfile(mode.profile());
        }
    }

    private static String excluding(String configured, List<String> more) {
        Set<String> all = new LinkedHashSet<>();
        for (String name : configured.split(",")) {
            if (!name.isBlank()) {
                all.add(name.trim());
            }
        }
        all.addAll(more);
        return String.join(",", all);
    }

    static GameMode mode(ConfigurableEnvironment env) {
        String explicit = env.getProperty("GAME_MODE", env.getProperty(GameMode.PROPERTY, ""));
        if (StringUtils.hasText(explicit)) {
            return GameMode.parse(explicit);
        }
        boolean databaseNamed = StringUtils.hasText(env.getProperty("DATABASE_URL"))
                || StringUtils.hasText(env.getProperty("spring.datasource.url"));
        return databaseNamed ? GameMode.CONNECTED : GameMode.STANDALONE;
    }

    @Override
    public int getOrder() {
        // after the config files are read (ConfigDataEnvironmentPostProcessor), before logging starts
        return Ordered.HIGHEST_PRECEDENCE + 15;
    }
}
