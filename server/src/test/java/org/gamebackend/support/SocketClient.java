package org.gamebackend.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain WebSocket client (the JDK's) that speaks raw Phoenix frames, for tests below the official client. */
public final class SocketClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private WebSocket socket;

    public static SocketClient connect(int port, String token, String... subprotocols) {
        return open(port, "token=" + token + "&vsn=2.0.0", subprotocols);
    }

    public static SocketClient open(int port, String query, String... subprotocols) {
        var client = new SocketClient();
        var builder = HTTP.newWebSocketBuilder();
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        client.socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/socket/websocket?" + query), client)
                .join();
        return client;
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public void send(String frame) {
        socket.sendText(frame, true).join();
    }

    public void sendBinary(byte[] frame) {
        socket.sendBinary(ByteBuffer.wrap(frame), true).join();
    }

    /** Sends {@code [join_ref, ref, topic, event, payload]}; {@code payload} is JSON text. */
    public void push(String joinRef, String ref, String topic, String event, String payload) {
        send("[\"" + joinRef + "\",\"" + ref + "\",\"" + topic + "\",\"" + event + "\"," + payload + "]");
    }

    /** The payload ({@code {status, response}}) of the reply to {@code ref}, skipping other frames (up to 400). */
    public JsonNode replyTo(String ref) {
        for (int i = 0; i < 400; i++) {
            JsonNode frame = JSON.readTree(next());
            if (frame.get(3).asString().equals("phx_reply")
                    && ref.equals(frame.get(1).asString())) {
                return frame.get(4);
            }
        }
        return fail("no reply to " + ref);
    }

    /** The whole next {@code event} frame, skipping other frames (up to 400). */
    public JsonNode nextEvent(String event) {
        for (int i = 0; i < 400; i++) {
            JsonNode frame = JSON.readTree(next());
            if (frame.get(3).asString().equals(event)) {
                return frame;
            }
        }
        return fail("no " + event);
    }

    /** The next text frame; fails after 10 s. */
    public String next() {
        Object message = poll(10);
        assertThat(message).as("next frame").isInstanceOf(String.class);
        return (String) message;
    }

    public byte[] nextBinary() {
        Object message = poll(10);
        assertThat(message).as("next frame").isInstanceOf(byte[].class);
        return (byte[]) message;
    }

    /** Asserts that nothing arrives within a short while (for messages the server must ignore). */
    public void expectNothing() {
        assertThat(poll(0.5)).isNull();
    }

    /** The next message if one is there, else null. */
    public Object poll() {
        return messages.poll();
    }

    private Object poll(double seconds) {
        try {
            return messages.poll((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The close code the server sent; fails after 15 s. */
    public int closeCode() {
        try {
            return closed.get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            return fail("the server did not close the socket: " + e);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            messages.add(text.toString());
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        messages.add(bytes);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
