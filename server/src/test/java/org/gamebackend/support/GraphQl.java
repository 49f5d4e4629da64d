package org.gamebackend.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

/** GraphQL over real HTTP ({@code POST /graphql}) for tests, as a client with or without a token. */
public final class GraphQl {

    private GraphQl() {}

    public static HttpGraphQlTester anonymous(int port) {
        return HttpGraphQlTester.create(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(30))
                .build());
    }

    public static HttpGraphQlTester as(int port, Players.Tokens player) {
        return anonymous(port)
                .mutate()
                .header("Authorization", "Bearer " + player.accessToken())
                .build();
    }

    /**
     * A graphql-ws client on {@code ws://localhost:PORT/graphql}; {@code initPayload} is what {@code connection_init}
     * carries (the token), or empty.
     */
    public static WebSocketGraphQlTester socket(int port, Map<String, Object> initPayload) {
        return WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(initPayload);
                    }
                })
                .build();
    }

    public static WebSocketGraphQlTester socket(int port, Players.Tokens player) {
        return socket(port, Map.of("Authorization", "Bearer " + player.accessToken()));
    }

    /** Asserts the response has exactly one error, with this classification and code, and returns its extensions. */
    public static Map<String, Object> error(GraphQlTester.Response response, String classification, String code) {
        var extensions = new java.util.concurrent.atomic.AtomicReference<Map<String, Object>>();
        response.errors().satisfy(errors -> {
            assertThat(errors).as("errors").hasSize(1);
            Map<String, Object> ext = errors.getFirst().getExtensions();
            assertThat(ext).containsEntry("classification", classification).containsEntry("code", code);
            extensions.set(ext);
        });
        return extensions.get();
    }
}
