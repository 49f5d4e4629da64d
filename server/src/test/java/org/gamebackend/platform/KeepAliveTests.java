package org.gamebackend.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.gamebackend.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Back-to-back requests on one keep-alive connection all get answers. Reactor Netty 1.3.6 stopped reading such a
 * connection after a few requests (reactor/reactor-netty#4361): the next request hung until the client gave up. The
 * build pins Reactor Netty 1.3.8 with Netty 4.2.18 (see the root pom), which reads on.
 */
@ApiTest
class KeepAliveTests {

    @LocalServerPort
    int port;

    @Test
    void everyRequestOnAKeepAliveConnectionIsAnswered() throws Exception {
        List<String> paths = List.of("/health", "/no-such-page", "/api/v1/me", "/v3/api-docs");
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            for (int i = 0; i < 400; i++) {
                String path = paths.get(i % paths.size());
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("request %d, %s", i, path).isBetween(200, 404);
            }
        }
    }
}
