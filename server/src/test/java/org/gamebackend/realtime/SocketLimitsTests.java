package org.gamebackend.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.WebSocketHandshakeException;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.Players;
import org.gamebackend.support.RunningServer;
import org.gamebackend.support.SocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Limits that need their own settings, on a server of their own: the idle timeout, connections per player and the
 * node's connection cap, all refused with an HTTP status before the upgrade while open sockets keep working.
 */
class SocketLimitsTests {

    static RunningServer server;
    static int port;

    @BeforeAll
    static void start() {
        server = RunningServer.start(
                "game.data-dir=target/test-data/realtime-limits-" + UUID.randomUUID(),
                "game.security.jwt.secret=" + ApiTest.SECRET,
                "game.accounts.auth-per-ip.requests=100000",
                "game.realtime.idle-timeout=2s",
                "game.realtime.max-connections-per-player=2",
                "game.realtime.max-connections=3");
        port = ((WebServerApplicationContext) server.context()).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String token() {
        return Players.register(server.web(), Players.uniqueName("lim"), "password-123")
                .accessToken();
    }

    @Test
    void aSocketThatSendsNothingIsClosedAfterTheIdleTimeoutAndHeartbeatsKeepOneOpen() throws Exception {
        String token = token();
        try (var idle = SocketClient.connect(port, token);
                var beating = SocketClient.connect(port, token)) {
            for (int i = 0; i < 8; i++) {
                beating.send("[null,\"" + i + "\",\"phoenix\",\"heartbeat\",{}]");
                assertThat(beating.next()).contains("phx_reply");
                Thread.sleep(500);
            }
            assertThat(idle.closeCode()).isEqualTo(1000);
            beating.send("[null,\"last\",\"phoenix\",\"heartbeat\",{}]");
            assertThat(beating.next()).contains("\"last\"");
        }
    }

    @Test
    void connectionsPerPlayerAndPerNodeAreRefusedBeforeTheUpgrade() {
        String token = token();
        try (var first = SocketClient.connect(port, token);
                var second = SocketClient.connect(port, token)) {
            assertThat(handshakeStatus(token)).as("third socket of one player").isEqualTo(429);
            try (var third = SocketClient.connect(port, token())) {
                assertThat(handshakeStatus(token()))
                        .as("a fourth socket on a node capped at 3")
                        .isEqualTo(503);
                first.send("[null,\"1\",\"phoenix\",\"heartbeat\",{}]");
                assertThat(first.next())
                        .as("open sockets keep working at the cap")
                        .contains("phx_reply");
            }
        }
    }

    /** 101 when the socket opens, else the HTTP status the handshake was refused with. */
    private static int handshakeStatus(String token) {
        try {
            SocketClient.connect(port, token).close();
            return 101;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }
}
