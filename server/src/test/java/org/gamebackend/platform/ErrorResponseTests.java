package org.gamebackend.platform;

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

/** Bad input of every kind gets problem+json with a clear detail, and changes nothing. */
@ApiTest
class ErrorResponseTests {

    @Autowired
    WebTestClient web;

    @Autowired
    JdbcClient jdbc;

    @Test
    void validationErrorsNameTheField() {
        String name = uniqueName("v");
        post(web, "/api/v1/auth/register", Map.of("username", name, "email", "not-an-email", "password", "password-1"))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.code")
                .isEqualTo("validation_failed")
                .jsonPath("$.field")
                .isEqualTo("email")
                .jsonPath("$.detail")
                .isEqualTo("email: must be an email address");
        post(web, "/api/v1/auth/guest", Map.of("device_id", "short"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("device_id");
        post(web, "/api/v1/auth/register", Map.of("username", name, "email", name + "@example.com"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("password");
        assertThat(countPlayers(name)).isZero();
    }

    @Test
    void malformedJsonAndWrongTypes() {
        web.post()
                .uri("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"login\": \"x\",")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("malformed_json");
        post(web, "/api/v1/auth/login", Map.of("login", Map.of("nested", true), "password", "x"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("invalid_field")
                .jsonPath("$.field")
                .isEqualTo("login");
        web.post()
                .uri("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("missing_body");
        web.post()
                .uri("/api/v1/auth/login")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("login=x")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void oversizeBodiesAreRefused() {
        String name = uniqueName("big");
        String huge = "x".repeat(100_000);
        post(
                        web,
                        "/api/v1/auth/register",
                        Map.of(
                                "username",
                                name,
                                "email",
                                name + "@example.com",
                                "password",
                                "password-1",
                                "padding",
                                huge))
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("payload_too_large");
        assertThat(countPlayers(name)).isZero();
    }

    @Test
    void unknownRoutesAndWrongMethods() {
        String token = register(web, uniqueName("r"), "password-1").accessToken();
        web.get()
                .uri("/api/v1/no-such-thing")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("not_found")
                .jsonPath("$.detail")
                .isEqualTo("No resource at GET /api/v1/no-such-thing");
        web.get()
                .uri("/no-such-page")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.delete()
                .uri("/api/v1/auth/login")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals(HttpHeaders.ALLOW, "POST")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("method_not_allowed");
        web.get()
                .uri("/api/v1/admin/players?limit=0")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private long countPlayers(String name) {
        return jdbc.sql("select count(*) from players where lower(username) = lower(?)")
                .param(name)
                .query(Long.class)
                .single();
    }
}
