package org.gamebackend.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.Players;
import org.gamebackend.support.SocketClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A client that stops reading must not hold up a broadcast: its outbound buffer fills, further messages to it are
 * dropped, it is disconnected after the slow-consumer timeout, and a reading client on the same topic gets the
 * broadcasts all along.
 */
@ApiTest
class BackPressureTests {

    private static final String TOPIC = "test:flood";

    @Autowired
    WebTestClient web;

    @Autowired
    PubSub pubSub;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void aClientThatNeverReadsIsDisconnectedAndOthersKeepReceiving() throws Exception {
        var reader = Players.register(web, Players.uniqueName("reader"), "password-123");
        var sleeper = Players.register(web, Players.uniqueName("sleeper"), "password-123");
        double slowBefore = slowConsumerDisconnects();
        try (var fast = SocketClient.connect(port, reader.accessToken());
                var stuck = NonReadingClient.join(port, sleeper.accessToken(), TOPIC)) {
            fast.send("[\"1\",\"1\",\"" + TOPIC + "\",\"phx_join\",{}]");
            assertThat(fast.next()).contains("\"ok\"");

            String filler = "x".repeat(16 * 1024);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int sent = 0;
            int received = 0;
            // broadcast at a pace a reading client keeps up with, until the stuck one has been dropped
            while (slowConsumerDisconnects() == slowBefore && System.nanoTime() < deadline) {
                pubSub.broadcast(TOPIC, "fill", Map.of("n", sent++, "filler", filler));
                received += drain(fast);
                Thread.sleep(2);
            }
            assertThat(slowConsumerDisconnects())
                    .as("the stuck client is disconnected as a slow consumer")
                    .isGreaterThan(slowBefore);
            assertThat(stuck.closedByServer()).isTrue();

            pubSub.broadcast(TOPIC, "last", Map.of("n", sent));
            String last;
            do {
                last = fast.next();
                received++;
            } while (!last.contains("\"last\""));
            assertThat(received - 1)
                    .as("the reading client got (nearly) every broadcast while the other one stalled")
                    .isGreaterThanOrEqualTo(sent * 9 / 10);
        }
    }

    private double slowConsumerDisconnects() {
        return meters.get("phoenix.slow.consumer.disconnects").counter().count();
    }

    private static int drain(SocketClient client) {
        int n = 0;
        while (client.poll() != null) {
            n++;
        }
        return n;
    }

    /** Does the handshake by hand, joins a topic, then never reads again (a tiny receive buffer fills fast). */
    static final class NonReadingClient implements AutoCloseable {
        private final Socket socket;

        private NonReadingClient(Socket socket) {
            this.socket = socket;
        }

        static NonReadingClient join(int port, String token, String topic) throws IOException {
            var socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new java.net.InetSocketAddress("localhost", port));
            byte[] key = new byte[16];
            new SecureRandom().nextBytes(key);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /socket/websocket?vsn=2.0.0&token=" + token + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                            + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            var head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            assertThat(head.toString()).startsWith("HTTP/1.1 101");
            writeMasked(out, "[\"1\",\"1\",\"" + topic + "\",\"phx_join\",{}]");
            return new NonReadingClient(socket);
        }

        private static void writeMasked(OutputStream out, String text) throws IOException {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            byte[] mask = {1, 2, 3, 4};
            out.write(0x81);
            out.write(0x80 | payload.length); // short frames only
            out.write(mask);
            for (int i = 0; i < payload.length; i++) {
                out.write(payload[i] ^ mask[i % 4]);
            }
            out.flush();
        }

        /** Reads what is buffered until the server's close ends the stream. */
        boolean closedByServer() throws IOException {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(20));
            byte[] buffer = new byte[64 * 1024];
            try {
                while (socket.getInputStream().read(buffer) >= 0) {
                    // discard
                }
                return true;
            } catch (java.net.SocketException e) {
                return true; // reset by the server
            } catch (java.net.SocketTimeoutException e) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
