package org.gamebackend.realtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.gamebackend.realtime.Payload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** Every frame kind of the V2 serializer, with the binary test vectors of Phoenix's own serializer test. */
class PhoenixSerializerTests {

    private final PhoenixSerializer serializer =
            new PhoenixSerializer(JsonMapper.builder().build());

    @Test
    void decodesTextFramesAndIgnoresExtraElements() {
        var joined = serializer.decodeText(utf8("[\"6\",\"6\",\"room:lobby\",\"phx_join\",{\"a\":1}]"));
        assertThat(joined).isInstanceOfSatisfying(Decoded.Inbound.class, m -> {
            assertThat(m.joinRef()).isEqualTo("6");
            assertThat(m.ref()).isEqualTo("6");
            assertThat(m.topic()).isEqualTo("room:lobby");
            assertThat(m.event()).isEqualTo("phx_join");
            assertThat(m.payload().json().get("a").asInt()).isEqualTo(1);
        });
        var heartbeat = serializer.decodeText(utf8("[null,\"7\",\"phoenix\",\"heartbeat\",{},\"extra\"]"));
        assertThat(heartbeat).isInstanceOfSatisfying(Decoded.Inbound.class, m -> {
            assertThat(m.joinRef()).isNull();
            assertThat(m.event()).isEqualTo("heartbeat");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "{\"a\":1}",
                "[\"1\"]",
                "[null,7,\"t\",\"e\",{}]",
                "[null,null,\"t\",\"e\",{}]",
                "\"text\"",
                "[1,2"
            })
    void framesWithoutAReadableRefAreUnreadable(String frame) {
        assertThat(serializer.decodeText(utf8(frame))).isInstanceOf(Decoded.Unreadable.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[null,\"5\",\"t\",\"e\"]",
                "[null,\"5\",\"t\",\"e\",[]]",
                "[null,\"5\",\"t\",\"e\",\"payload\"]",
                "[null,\"5\",\"t\",7,{}]",
                "[null,\"5\",7,\"e\",{}]",
                "[{},\"5\",\"t\",\"e\",{}]"
            })
    void framesWithAReadableRefButWrongShapeAreMalformed(String frame) {
        assertThat(serializer.decodeText(utf8(frame)))
                .isInstanceOfSatisfying(
                        Decoded.Malformed.class, m -> assertThat(m.ref()).isEqualTo("5"));
    }

    @Test
    void malformedFramesKeepTheirTopicForTheErrorReply() {
        assertThat(serializer.decodeText(utf8("[\"3\",\"5\",\"room:1\",\"e\",[]]")))
                .isEqualTo(new Decoded.Malformed("3", "5", "room:1", "payload must be a JSON object"));
    }

    @Test
    void encodesRepliesPushesBroadcastsAndCloses() {
        assertThat(serializer.reply("1", "2", "room:1", "ok", Map.of()).text())
                .isEqualTo("[\"1\",\"2\",\"room:1\",\"phx_reply\",{\"status\":\"ok\",\"response\":{}}]");
        assertThat(serializer
                        .reply(null, "2", "nope:1", "error", Map.of("reason", "unmatched topic"))
                        .text())
                .isEqualTo("[null,\"2\",\"nope:1\",\"phx_reply\","
                        + "{\"status\":\"error\",\"response\":{\"reason\":\"unmatched topic\"}}]");
        assertThat(serializer.push("1", "room:1", "tick", Map.of("n", 3)).text())
                .isEqualTo("[\"1\",null,\"room:1\",\"tick\",{\"n\":3}]");
        assertThat(serializer.broadcast("room:1", "shout", Map.of("b", "hi")).text())
                .isEqualTo("[null,null,\"room:1\",\"shout\",{\"b\":\"hi\"}]");
        assertThat(serializer.message("1", "1", "room:1", "phx_close", Map.of()).text())
                .isEqualTo("[\"1\",\"1\",\"room:1\",\"phx_close\",{}]");
        assertThat(serializer.broadcast("t", "e", Map.of()).binary()).isFalse();
    }

    @Test
    void decodesTheBinaryPushTestVector() {
        // 00 02 03 05 05 "12" "123" "topic" "event" 65 66 67
        byte[] frame = bytes(0x00, 0x02, 0x03, 0x05, 0x05, "12", "123", "topic", "event", 65, 66, 67);
        assertThat(serializer.decodeBinary(frame)).isInstanceOfSatisfying(Decoded.Inbound.class, m -> {
            assertThat(m.joinRef()).isEqualTo("12");
            assertThat(m.ref()).isEqualTo("123");
            assertThat(m.topic()).isEqualTo("topic");
            assertThat(m.event()).isEqualTo("event");
            assertThat(m.payload())
                    .isInstanceOfSatisfying(
                            Payload.Binary.class, b -> assertThat(b.bytes()).containsExactly(65, 66, 67));
        });
    }

    @Test
    void decodesTheBinaryPushTheOfficialClientSent() {
        byte[] frame = HexFormat.of().parseHex("00010108063638726f6f6d3a62696e75706c6f61647b226e223a317d");
        assertThat(serializer.decodeBinary(frame)).isInstanceOfSatisfying(Decoded.Inbound.class, m -> {
            assertThat(m.joinRef()).isEqualTo("6");
            assertThat(m.ref()).isEqualTo("8");
            assertThat(m.topic()).isEqualTo("room:bin");
            assertThat(m.event()).isEqualTo("upload");
        });
    }

    @Test
    void encodesTheBinaryReplyBroadcastAndPushTestVectors() {
        byte[] payload = {65, 66, 67};
        assertThat(serializer.reply("12", "123", "topic", "ok", payload).bytes())
                .containsExactly(bytes(0x01, 0x02, 0x03, 0x05, 0x02, "12", "123", "topic", "ok", 65, 66, 67));
        assertThat(serializer.broadcast("topic", "event", payload).bytes())
                .containsExactly(bytes(0x02, 0x05, 0x05, "topic", "event", 65, 66, 67));
        assertThat(serializer.push("12", "topic", "event", payload).bytes())
                .containsExactly(bytes(0x00, 0x02, 0x05, 0x05, "12", "topic", "event", 65, 66, 67));
        assertThat(serializer.push("12", "topic", "event", payload).binary()).isTrue();
    }

    @Test
    void rejectsBrokenBinaryFrames() {
        assertThat(serializer.decodeBinary(new byte[] {0, 1})).isInstanceOf(Decoded.Unreadable.class);
        assertThat(serializer.decodeBinary(bytes(0x02, 0x05, 0x05, "topic", "event")))
                .as("a broadcast is server to client only")
                .isInstanceOf(Decoded.Unreadable.class);
        assertThat(serializer.decodeBinary(bytes(0x00, 0x09, 0x03, 0x05, 0x05, "12", "123")))
                .as("lengths past the end")
                .isInstanceOf(Decoded.Unreadable.class);
    }

    @Test
    void wireFramesCarryTheWebSocketHeaderForEveryLength() {
        for (int length : new int[] {0, 125, 126, 65_535, 65_536}) {
            ByteBuf frame = WireFrames.frame(UnpooledByteBufAllocator.DEFAULT, new Encoded(new byte[length], false));
            try {
                assertThat(frame.getUnsignedByte(0)).isEqualTo((short) 0x81);
                int header = length < 126 ? 2 : length <= 65_535 ? 4 : 10;
                assertThat(frame.readableBytes()).isEqualTo(header + length);
                long declared = header == 2
                        ? frame.getUnsignedByte(1)
                        : header == 4 ? frame.getUnsignedShort(2) : frame.getLong(2);
                assertThat(declared).isEqualTo(length);
            } finally {
                frame.release();
            }
        }
        ByteBuf binary = WireFrames.frame(UnpooledByteBufAllocator.DEFAULT, new Encoded(new byte[1], true));
        assertThat(binary.getUnsignedByte(0)).isEqualTo((short) 0x82);
        binary.release();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes from ints and strings (UTF-8), as the vectors are written in Phoenix's test. */
    private static byte[] bytes(Object... parts) {
        var out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(utf8(s));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
