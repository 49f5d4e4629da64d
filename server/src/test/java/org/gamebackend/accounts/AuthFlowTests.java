package org.gamebackend.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gamebackend.support.Players.login;
import static org.gamebackend.support.Players.post;
import static org.gamebackend.support.Players.register;
import static org.gamebackend.support.Players.uniqueName;

import java.util.Map;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.Players;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class AuthFlowTests {

    @Autowired
    WebTestClient web;

    @Autowired
    JdbcClient jdbc;

    @Test
    void registerLoginMeRefreshReuseLogout() {
        String name = uniqueName("Flow");
        Players.Tokens registered = register(web, name, "correct horse");
        Players.Tokens loggedIn = login(web, name.toLowerCase() + "@example.com", "correct horse");
        assertThat(loggedIn.playerId()).isEqualTo(registered.playerId());

        me(loggedIn.accessToken())
                .jsonPath("$.id")
                .isEqualTo(registered.playerId())
                .jsonPath("$.username")
                .isEqualTo(name)
                .jsonPath("$.roles[0]")
                .isEqualTo("PLAYER")
                .jsonPath("$.guest")
                .isEqualTo(false);

        Players.Tokens rotated = refresh(loggedIn.refreshToken());
        assertThat(rotated.refreshToken()).isNotEqualTo(loggedIn.refreshToken());
        me(rotated.accessToken()).jsonPath("$.id").isEqualTo(registered.playerId());

        // the old refresh token again: theft detected, the whole family is revoked, the rotated one included
        post(web, "/api/v1/auth/refresh", Map.of("refresh_token", loggedIn.refreshToken()))
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("refresh_token_reused");
        post(web, "/api/v1/auth/refresh", Map.of("refresh_token", rotated.refreshToken()))
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("invalid_refresh_token");
        // the registration's own login (another family) is untouched until it logs out
        Players.Tokens other = refresh(registered.refreshToken());
        web.post()
                .uri("/api/v1/auth/logout")
                .headers(h -> h.setBearerAuth(other.accessToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refresh_token", other.refreshToken()))
                .exchange()
                .expectStatus()
                .isNoContent();
        post(web, "/api/v1/auth/refresh", Map.of("refresh_token", other.refreshToken()))
                .expectStatus()
                .isUnauthorized();
        long live = jdbc.sql("select count(*) from refresh_tokens where player_id = ?::uuid and revoked_at is null"
                        + " and used_at is null")
                .param(registered.playerId())
                .query(Long.class)
                .single();
        assertThat(live).isZero();
    }

    @Test
    void usernamesAndEmailsAreUniqueIgnoringCase() {
        String name = uniqueName("Case");
        register(web, name, "password-1");
        post(
                        web,
                        "/api/v1/auth/register",
                        Map.of(
                                "username",
                                name.toUpperCase(),
                                "email",
                                "other-" + name + "@example.com",
                                "password",
                                "password-2"))
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("username");
        post(
                        web,
                        "/api/v1/auth/register",
                        Map.of(
                                "username",
                                "x" + name,
                                "email",
                                name.toUpperCase() + "@EXAMPLE.com",
                                "password",
                                "password-2"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("email");
        assertThat(jdbc.sql("select count(*) from players where lower(username) like lower(?)")
                        .param("%" + name.substring(4))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void guestLoginIsStablePerDeviceAndCanBeUpgraded() {
        String device = "device-" + uniqueName("d");
        Players.Tokens first = guest(device);
        Players.Tokens second = guest(device);
        assertThat(second.playerId()).isEqualTo(first.playerId());
        me(first.accessToken()).jsonPath("$.guest").isEqualTo(true);

        String name = uniqueName("upgraded");
        web.patch()
                .uri("/api/v1/me")
                .headers(h -> h.setBearerAuth(first.accessToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "username",
                        name,
                        "email",
                        name + "@example.com",
                        "password",
                        "new-password",
                        "display_name",
                        "Upgraded One",
                        "region",
                        "EU"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.guest")
                .isEqualTo(false)
                .jsonPath("$.username")
                .isEqualTo(name)
                .jsonPath("$.display_name")
                .isEqualTo("Upgraded One")
                .jsonPath("$.region")
                .isEqualTo("eu");
        assertThat(login(web, name, "new-password").playerId()).isEqualTo(first.playerId());
        // a full account cannot be "upgraded" again
        web.patch()
                .uri("/api/v1/me")
                .headers(h -> h.setBearerAuth(first.accessToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "again-" + name + "@example.com", "password", "another-password"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("not_a_guest");
    }

    @Test
    void wrongPasswordIsRejectedAndChangesNothing() {
        String name = uniqueName("Wrong");
        register(web, name, "right-password");
        post(web, "/api/v1/auth/login", Map.of("login", name, "password", "wrong-password"))
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("invalid_credentials");
        post(web, "/api/v1/auth/login", Map.of("login", "nobody-" + name, "password", "whatever"))
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Wrong login or password");
    }

    private Players.Tokens guest(String device) {
        Map<?, ?> body = post(web, "/api/v1/auth/guest", Map.of("device_id", device))
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).isNotNull();
        return Players.Tokens.from(body);
    }

    private Players.Tokens refresh(String refreshToken) {
        Map<?, ?> body = post(web, "/api/v1/auth/refresh", Map.of("refresh_token", refreshToken))
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).isNotNull();
        return Players.Tokens.from(body);
    }

    private WebTestClient.BodyContentSpec me(String accessToken) {
        return web.get()
                .uri("/api/v1/me")
                .headers(h -> h.setBearerAuth(accessToken))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }
}
