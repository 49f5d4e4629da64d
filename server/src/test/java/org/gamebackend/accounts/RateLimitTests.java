package org.gamebackend.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gamebackend.support.Players.post;
import static org.gamebackend.support.Players.register;
import static org.gamebackend.support.Players.uniqueName;

import java.util.Map;
import org.gamebackend.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Per-account login limits (10 a minute by default) and the lockout after 5 failures. */
@ApiTest
class RateLimitTests {

    @Autowired
    WebTestClient web;

    @Autowired
    JdbcClient jdbc;

    @Test
    void tooManyLoginsForOneAccountGet429WithRetryAfter() {
        String name = uniqueName("busy");
        register(web, name, "password-123");
        for (int i = 0; i < 10; i++) {
            post(web, "/api/v1/auth/login", Map.of("login", name, "password", "password-123"))
                    .expectStatus()
                    .isOk();
        }
        post(web, "/api/v1/auth/login", Map.of("login", name, "password", "password-123"))
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        v -> assertThat(Integer.parseInt(v)).isBetween(1, 60))
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("rate_limited");
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        String name = uniqueName("locked");
        String id = register(web, name, "password-123").playerId();
        for (int i = 0; i < 5; i++) {
            post(web, "/api/v1/auth/login", Map.of("login", name, "password", "wrong-" + i))
                    .expectStatus()
                    .isUnauthorized();
        }
        post(web, "/api/v1/auth/login", Map.of("login", name, "password", "password-123"))
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        v -> assertThat(Integer.parseInt(v)).isGreaterThan(800))
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("account_locked");
        assertThat(jdbc.sql("select locked_until > now() from players where id = ?::uuid")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        // another account is not affected
        String other = uniqueName("free");
        register(web, other, "password-123");
        post(web, "/api/v1/auth/login", Map.of("login", other, "password", "password-123"))
                .expectStatus()
                .isOk();
    }
}
