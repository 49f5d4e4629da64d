package org.gamebackend.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** GraphiQL is on by default in standalone mode only, and an explicit setting wins in every mode. */
class GraphiQlModeTests {

    private static final String GRAPHIQL = "spring.graphql.graphiql.enabled";

    @Test
    void onByDefaultInStandaloneModeOnly() {
        assertThat(graphiql(Map.of())).isEqualTo("true");
        assertThat(graphiql(Map.of("GAME_MODE", "connected"))).isNull();
        assertThat(graphiql(Map.of("DATABASE_URL", "postgres://db/game"))).isNull();
        assertThat(graphiql(Map.of("GAME_MODE", "cluster"))).isNull();
    }

    @Test
    void anExplicitSettingWins() {
        assertThat(graphiql(Map.of(GRAPHIQL, "false"))).isEqualTo("false");
        assertThat(graphiql(Map.of("GAME_MODE", "connected", GRAPHIQL, "true"))).isEqualTo("true");
    }

    private static String graphiql(Map<String, Object> settings) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(new MapPropertySource("test", settings));
        new GameEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());
        return env.getProperty(GRAPHIQL);
    }
}
