package org.gamebackend.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem documents: {@code type, title, status, detail, instance, code} and any extra members. */
public final class Problems {

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    public static Map<String, Object> body(
            HttpStatusCode status, String code, String detail, @Nullable String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://gamebackend.org/problems/" + code.replace('_', '-'));
        body.put("title", title(status));
        body.put("status", status.value());
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("code", code);
        return body;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, Map<String, Object> body) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes = json.writeValueAsBytes(body);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
    }

    private static String title(HttpStatusCode status) {
        var known = org.springframework.http.HttpStatus.resolve(status.value());
        return known == null ? "HTTP " + status.value() : known.getReasonPhrase();
    }
}
