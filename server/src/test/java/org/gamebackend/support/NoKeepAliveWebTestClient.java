package org.gamebackend.support;

import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Every test request on a fresh connection. Reactor Netty's HTTP/1.1 server can stop reading a keep-alive connection
 * when the next request arrives before the previous exchange has fully terminated (reactor/reactor-netty#4361, fixed
 * by #4347 in a release newer than the 1.3.x served here): the next request on that connection then never gets an
 * answer. Tests send requests back to back, so they met it about once in ten runs as a 30 s "Timeout on blocking
 * read". See docs/development.md.
 */
@Component
class NoKeepAliveWebTestClient implements WebTestClientBuilderCustomizer {

    @Override
    public void customize(WebTestClient.Builder builder) {
        builder.clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())));
    }
}
