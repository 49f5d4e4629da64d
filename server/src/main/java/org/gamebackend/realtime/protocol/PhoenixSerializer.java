package org.gamebackend.realtime.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.gamebackend.platform.ReusedJsonWriter;
import org.gamebackend.realtime.Payload;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Phoenix's V2 serializer ({@code Phoenix.Socket.V2.JSONSerializer}): text frames are the JSON array {@code [join_ref,
 * ref, topic, event, payload]}; binary frames are kind 0 push (client to server, and server push without ref), kind 1
 * reply and kind 2 broadcast, with one-byte field lengths. A {@code byte[]} payload selects the binary form.
 */
public final class PhoenixSerializer {

    public static final String REPLY = "phx_reply";
    private static final int PUSH = 0;
    private static final int REPLY_KIND = 1;
    private static final int BROADCAST = 2;
    private static final int MAX_FIELD = 255;

    private final JsonMapper json;
    /** Replies and pushes are encoded on the event loops (20 a second per player in a real-time match). */
    private final ReusedJsonWriter writer;

    public PhoenixSerializer(JsonMapper json) {
        this.json = json;
        this.writer = new ReusedJsonWriter(json);
    }

    /** Decodes a text frame. Extra elements after the fifth are ignored, as Phoenix does. */
    public Decoded decodeText(byte[] text) {
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (JacksonException e) {
            return new Decoded.Unreadable("invalid JSON");
        }
        if (!frame.isArray()) {
            return new Decoded.Unreadable("a frame must be a JSON array");
        }
        JsonNode ref = frame.path(1);
        if (!ref.isString()) {
            return new Decoded.Unreadable("a frame needs a string ref");
        }
        JsonNode joinRef = frame.path(0);
        JsonNode topic = frame.path(2);
        String replyJoinRef = joinRef.isString() ? joinRef.asString() : null;
        String replyTopic = topic.isString() ? topic.asString() : "phoenix";
        String problem = problem(frame, joinRef, topic);
        if (problem != null) {
            return new Decoded.Malformed(replyJoinRef, ref.asString(), replyTopic, problem);
        }
        return new Decoded.Inbound(
                replyJoinRef,
                ref.asString(),
                topic.asString(),
                frame.get(3).asString(),
                new Payload.Json(frame.get(4)));
    }

    private static @Nullable String problem(JsonNode frame, JsonNode joinRef, JsonNode topic) {
        if (frame.size() < 5) {
            return "a frame is [join_ref, ref, topic, event, payload]";
        }
        if (!joinRef.isString() && !joinRef.isNull()) {
            return "join_ref must be a string or null";
        }
        if (!topic.isString() || !frame.get(3).isString()) {
            return "topic and event must be strings";
        }
        if (!frame.get(4).isObject()) {
            return "payload must be a JSON object";
        }
        return null;
    }

    /** Decodes a binary frame; clients only send kind 0 (push). */
    public Decoded decodeBinary(byte[] frame) {
        if (frame.length < 5 || frame[0] != PUSH) {
            return new Decoded.Unreadable("a binary frame from a client must be a V2 push (kind 0)");
        }
        int joinRefLength = frame[1] & 0xFF;
        int refLength = frame[2] & 0xFF;
        int topicLength = frame[3] & 0xFF;
        int eventLength = frame[4] & 0xFF;
        int offset = 5;
        if (offset + joinRefLength + refLength + topicLength + eventLength > frame.length) {
            return new Decoded.Unreadable("binary field lengths exceed the frame");
        }
        String joinRef = string(frame, offset, joinRefLength);
        offset += joinRefLength;
        String ref = string(frame, offset, refLength);
        offset += refLength;
        String topic = string(frame, offset, topicLength);
        offset += topicLength;
        String event = string(frame, offset, eventLength);
        offset += eventLength;
        byte[] payload = Arrays.copyOfRange(frame, offset, frame.length);
        return new Decoded.Inbound(
                joinRef.isEmpty() ? null : joinRef,
                ref.isEmpty() ? null : ref,
                topic,
                event,
                new Payload.Binary(payload));
    }

    private static String string(byte[] frame, int offset, int length) {
        return new String(frame, offset, length, StandardCharsets.UTF_8);
    }

    /** {@code [join_ref, ref, topic, "phx_reply", {status, response}]}, or a kind 1 binary reply. */
    public Encoded reply(@Nullable String joinRef, @Nullable String ref, String topic, String status, Object response) {
        if (response instanceof byte[] bytes) {
            return binary(bytes, REPLY_KIND, joinRef, ref, topic, status);
        }
        return message(joinRef, ref, topic, REPLY, new ReplyBody(status, response));
    }

    /** A server push {@code [join_ref, null, topic, event, payload]}, or a kind 0 binary push (no ref field). */
    public Encoded push(@Nullable String joinRef, String topic, String event, Object payload) {
        if (payload instanceof byte[] bytes) {
            return binary(bytes, PUSH, joinRef, topic, event);
        }
        return message(joinRef, null, topic, event, payload);
    }

    /** {@code [null, null, topic, event, payload]}, or a kind 2 binary broadcast. */
    public Encoded broadcast(String topic, String event, Object payload) {
        if (payload instanceof byte[] bytes) {
            return binary(bytes, BROADCAST, topic, event);
        }
        return message(null, null, topic, event, payload);
    }

    /** Any JSON frame, such as {@code phx_close} and {@code phx_error} whose ref is the join_ref. */
    public Encoded message(@Nullable String joinRef, @Nullable String ref, String topic, String event, Object payload) {
        return new Encoded(writer.write(new @Nullable Object[] {joinRef, ref, topic, event, payload}), false);
    }

    private static Encoded binary(byte[] payload, int kind, @Nullable String... fields) {
        var out = new ByteArrayOutputStream(1 + fields.length * 16 + payload.length);
        out.write(kind);
        byte[][] encoded = new byte[fields.length][];
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i];
            encoded[i] = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            if (encoded[i].length > MAX_FIELD) {
                throw new IllegalArgumentException("binary frame fields are at most 255 bytes: " + field);
            }
            out.write(encoded[i].length);
        }
        for (byte[] field : encoded) {
            out.writeBytes(field);
        }
        out.writeBytes(payload);
        return new Encoded(out.toByteArray(), true);
    }

    record ReplyBody(String status, Object response) {}
}
