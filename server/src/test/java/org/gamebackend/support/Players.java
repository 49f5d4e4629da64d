package org.gamebackend.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Client-side helpers that drive the real REST API. */
public final class Players {

    private Players() {}

    /** What {@code /auth/*} answers. */
    public record Tokens(String playerId, String accessToken, String refreshToken) {
        @SuppressWarnings("unchecked")
        public static Tokens from(Map<?, ?> body) {
            Map<String, Object> b = (Map<String, Object>) body;
            return new Tokens(
                    (String) b.get("player_id"), (String) b.get("access_token"), (String) b.get("refresh_token"));
        }
    }

    public static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Tokens register(WebTestClient web, String username, String password) {
        Map<?, ?> body = web.post()
                .uri("/api/v1/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "email", username + "@example.com", "password", password))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return Tokens.from(Objects.requireNonNull(body));
    }

    public static Tokens login(WebTestClient web, String login, String password) {
        Map<?, ?> body = post(web, "/api/v1/auth/login", Map.of("login", login, "password", password))
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Tokens tokens = Tokens.from(Objects.requireNonNull(body));
        assertThat(tokens.accessToken()).isNotBlank();
        return tokens;
    }

    public static WebTestClient.ResponseSpec post(WebTestClient web, String path, Object body) {
        return web.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
