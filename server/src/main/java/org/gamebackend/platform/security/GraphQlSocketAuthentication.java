package org.gamebackend.platform.security;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.support.AuthenticationExtractor;
import org.springframework.graphql.server.webflux.AuthenticationWebSocketInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import reactor.core.publisher.Mono;

/**
 * The graphql-ws socket at {@code /graphql}: browsers cannot set headers on a WebSocket, so the access token comes in
 * the {@code connection_init} payload, as {@code {"Authorization": "Bearer <token>"}} or {@code {"token": "<token>"}}.
 * It is checked like a REST bearer token (same decoder, same roles); a bad one closes the socket with 4401. Without
 * one the connection stays anonymous and only the public fields answer.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlSocketAuthentication {

    @Bean
    AuthenticationWebSocketInterceptor graphQlSocketInterceptor(ReactiveJwtDecoder decoder) {
        var manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(SecurityConfiguration.jwtAuthentication());
        return new AuthenticationWebSocketInterceptor(new InitPayloadToken(), manager);
    }

    /** The bearer token of a {@code connection_init} payload, when it has one. */
    static final class InitPayloadToken implements AuthenticationExtractor {

        @Override
        public Mono<Authentication> getAuthentication(Map<String, Object> payload) {
            String token = token(payload);
            return token == null ? Mono.empty() : Mono.just(new BearerTokenAuthenticationToken(token));
        }

        static @Nullable String token(Map<String, Object> payload) {
            for (Map.Entry<String, Object> e : payload.entrySet()) {
                if (!(e.getValue() instanceof String value) || value.isBlank()) {
                    continue;
                }
                String key = e.getKey();
                if (key.equalsIgnoreCase("authorization")) {
                    return value.regionMatches(true, 0, "Bearer ", 0, 7)
                            ? value.substring(7).trim()
                            : value.trim();
                }
                if (key.equals("token") || key.equals("authToken")) {
                    return value.trim();
                }
            }
            return null;
        }
    }
}
