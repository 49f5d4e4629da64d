package org.gamebackend.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.gamebackend.platform.DatabaseUrl;
import org.gamebackend.platform.GameProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Picks the database: {@code DATABASE_URL}, else Spring's {@code spring.datasource.url}, else (standalone mode only)
 * an embedded PostgreSQL under the data directory. Each is a HikariCP pool tuned by {@code spring.datasource.hikari.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** Closed by Spring after the pool that depends on it. */
    @Bean(destroyMethod = "close")
    @Conditional(NoDatabaseNamed.class)
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties props, GameProperties game) throws IOException {
        if (!game.standalone()) {
            throw new IllegalStateException("GAME_MODE=" + game.mode().profile()
                    + " needs a database: set DATABASE_URL (postgres://user:pass@host:5432/db)"
                    + " or SPRING_DATASOURCE_URL, or run in standalone mode");
        }
        return EmbeddedPostgresLauncher.start(props);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(
            Environment env, ObjectProvider<EmbeddedPostgres> embedded, EmbeddedPostgresProperties props) {
        DatabaseUrl url = databaseUrl(env, embedded, props);
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(url.jdbcUrl())
                .username(url.username())
                .password(url.password())
                .build();
    }

    private static DatabaseUrl databaseUrl(
            Environment env, ObjectProvider<EmbeddedPostgres> embedded, EmbeddedPostgresProperties props) {
        String databaseUrl = env.getProperty("DATABASE_URL");
        if (StringUtils.hasText(databaseUrl)) {
            DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
            log.info("Using the database of DATABASE_URL: {}", url);
            return url;
        }
        String springUrl = env.getProperty("spring.datasource.url");
        if (StringUtils.hasText(springUrl)) {
            log.info("Using the database of spring.datasource.url: {}", springUrl);
            return new DatabaseUrl(
                    springUrl,
                    env.getProperty("spring.datasource.username"),
                    env.getProperty("spring.datasource.password"));
        }
        EmbeddedPostgres pg = embedded.getObject();
        return new DatabaseUrl(
                "jdbc:postgresql://localhost:" + pg.getPort() + "/" + props.database(), "postgres", null);
    }

    static class NoDatabaseNamed extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            boolean named = StringUtils.hasText(env.getProperty("DATABASE_URL"))
                    || StringUtils.hasText(env.getProperty("spring.datasource.url"));
            return new ConditionOutcome(!named, named ? "a database is named" : "no database is named");
        }
    }
}
