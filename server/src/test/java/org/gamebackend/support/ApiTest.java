package org.gamebackend.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * The whole server on a random port, over real HTTP, in standalone mode with its own embedded PostgreSQL 17 under
 * {@code target/}. One context (and one database) is shared by every class that uses this annotation unchanged.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "game.data-dir=target/test-data/api",
            "game.embedded-postgres.work-dir=target/pg-bin",
            "game.embedded-postgres.port=0",
            "game.security.jwt.secret=" + ApiTest.SECRET,
            "game.accounts.auth-per-ip.requests=100000",
            "game.accounts.admin.password=" + ApiTest.ADMIN_PASSWORD,
            "spring.config.import=classpath:test-modes.yml"
        })
@AutoConfigureWebTestClient(timeout = "PT30S")
@Import(SqlStatements.class)
@ExtendWith(ThreadDumpOnTimeout.class)
public @interface ApiTest {
    String SECRET = "test-secret-that-is-longer-than-32-bytes-0123456789";
    String ADMIN_PASSWORD = "admin-password-for-tests";
}
