package org.gamebackend.realtime.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gamebackend.accounts.PlayerId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.util.context.Context;

/**
 * {@code GET /socket/websocket}: the handshake. Everything is checked before the upgrade, so a refused client gets a
 * plain HTTP status (403 for a bad {@code vsn} or token, as Phoenix answers; 429 over the per-player limit; 503 at the
 * node's cap). The upgrade goes straight to Reactor Netty: no Spring {@code WebSocketSession} and no copy of the
 * request headers outlives the handshake, and neither does the token.
 */
final class PhoenixEndpoint implements WebHandler {

    static final String PATH = "/socket/websocket";
    private static final String SUBPROTOCOL = "phoenix";
    private static final String TOKEN_PREFIX = "base64url.bearer.phx.";
    private static final Pattern V2 = Pattern.compile("2\\.0\\.\\d+");

    private final ReactiveJwtDecoder jwt;
    private final ConnectionLimits limits;
    private final Sockets sockets;
    private final int maxFrameSize;

    PhoenixEndpoint(ReactiveJwtDecoder jwt, ConnectionLimits limits, Sockets sockets, RealtimeProperties props) {
        this.jwt = jwt;
        this.limits = limits;
        this.sockets = sockets;
        this.maxFrameSize = (int) props.maxFrameSize().toBytes();
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        if (!HttpMethod.GET.equals(request.getMethod()) || !"websocket".equalsIgnoreCase(headers.getUpgrade())) {
            return refuse(exchange, HttpStatus.BAD_REQUEST);
        }
        String vsn = request.getQueryParams().getFirst("vsn");
        if (vsn == null || !V2.matcher(vsn).matches()) {
            return refuse(exchange, HttpStatus.FORBIDDEN);
        }
        List<String> offered = subprotocols(headers);
        String token = token(request.getQueryParams().getFirst("token"), offered);
        if (token == null) {
            return refuse(exchange, HttpStatus.FORBIDDEN);
        }
        boolean phoenix = offered.contains(SUBPROTOCOL);
        return jwt.decode(token)
                .map(decoded -> Optional.of(PlayerId.parse(decoded.getSubject())))
                .onErrorResume(e -> Mono.just(Optional.empty()))
                .flatMap(player -> player.map(p -> upgrade(exchange, p, phoenix))
                        .orElseGet(() -> refuse(exchange, HttpStatus.FORBIDDEN)));
    }

    private Mono<Void> upgrade(ServerWebExchange exchange, PlayerId player, boolean phoenix) {
        if (!sockets.accepting()) {
            return refuse(exchange, HttpStatus.SERVICE_UNAVAILABLE);
        }
        ConnectionLimits.Lease lease;
        switch (limits.admit(player)) {
            case ConnectionLimits.Refused(HttpStatus status) -> {
                return refuse(exchange, status);
            }
            case ConnectionLimits.Lease admitted -> lease = admitted;
        }
        HttpServerResponse response = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        var spec = WebsocketServerSpec.builder().maxFramePayloadLength(maxFrameSize);
        if (phoenix) {
            // only when offered: Reactor Netty does not run the handler if a configured subprotocol was not selected
            spec.protocols(SUBPROTOCOL);
        }
        // like Spring's own upgrade strategy: commit the WebFlux response (pre-commit actions), then upgrade
        return exchange.getResponse()
                .setComplete()
                .then(Mono.defer(() -> response.sendWebsocket(
                                (in, out) -> sockets.serve(player, lease, in, out), spec.build()))
                        // Reactor Netty keeps the subscriber context of this Mono for the socket's lifetime; WebFlux's
                        // holds the exchange and its finished observations (~4 KB), which the socket does not need
                        .contextWrite(context -> Context.empty()))
                .doOnError(e -> lease.release())
                .doOnSuccess(done -> forgetHeaders(exchange, response));
    }

    /**
     * Reactor Netty keeps the upgrade request and response, headers included, for the socket's lifetime: about 1.5 KB
     * per socket, and the request's would keep the authToken subprotocol (the access token). Nothing reads them after
     * the handshake.
     */
    private static void forgetHeaders(ServerWebExchange exchange, HttpServerResponse response) {
        HttpServerRequest request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        request.requestHeaders().clear();
        response.responseHeaders().clear();
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status) {
        exchange.getResponse().setStatusCode(status);
        return exchange.getResponse().setComplete();
    }

    private static List<String> subprotocols(HttpHeaders headers) {
        return headers.getValuesAsList("Sec-WebSocket-Protocol");
    }

    /** The {@code token} parameter, or Phoenix 1.8's {@code authToken} subprotocol (base64 of the token). */
    private static @Nullable String token(@Nullable String param, List<String> offered) {
        if (param != null && !param.isBlank()) {
            return param;
        }
        for (String protocol : offered) {
            if (protocol.startsWith(TOKEN_PREFIX)) {
                String encoded = protocol.substring(TOKEN_PREFIX.length());
                try {
                    Base64.Decoder decoder = encoded.indexOf('-') >= 0 || encoded.indexOf('_') >= 0
                            ? Base64.getUrlDecoder()
                            : Base64.getDecoder();
                    return new String(decoder.decode(encoded), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
