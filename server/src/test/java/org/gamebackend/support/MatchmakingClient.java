package org.gamebackend.support;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The matchmaking REST API as a client uses it. */
public record MatchmakingClient(WebTestClient web) {

    public Players.Tokens player(String prefix) {
        return Players.register(web, Players.uniqueName(prefix), "password-123");
    }

    public WebTestClient.ResponseSpec queue(Players.Tokens player, Map<String, ?> body) {
        return send(player, "POST", "/api/v1/matchmaking/tickets", body);
    }

    /** Queues and returns the new ticket's id. */
    public String queued(Players.Tokens player, Map<String, ?> body) {
        return (String) body(queue(player, body).expectStatus().isCreated()).get("ticket_id");
    }

    public Map<?, ?> get(Players.Tokens player, String path) {
        return body(send(player, "GET", path, null).expectStatus().isOk());
    }

    public Map<?, ?> ticket(Players.Tokens player, String id) {
        return body(send(player, "GET", "/api/v1/matchmaking/tickets/" + id, null)
                .expectStatus()
                .isOk());
    }

    public WebTestClient.ResponseSpec cancel(Players.Tokens player, String id) {
        return send(player, "DELETE", "/api/v1/matchmaking/tickets/" + id, null);
    }

    public WebTestClient.ResponseSpec send(Players.Tokens player, String method, String path, @Nullable Object body) {
        var request = web.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .headers(h -> h.setBearerAuth(player.accessToken()));
        if (body != null) {
            return request.contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange();
        }
        return request.exchange();
    }

    public static Map<?, ?> body(WebTestClient.ResponseSpec response) {
        return Objects.requireNonNull(
                response.expectBody(Map.class).returnResult().getResponseBody());
    }
}
