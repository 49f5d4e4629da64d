package org.gamebackend.engine.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * JSON for game state (snapshots, patches, hashes) and inputs. State is read and written through its fields, whatever
 * their visibility, in snake_case. Inputs are parsed strictly: unknown fields, nulls for primitives, floats for
 * integers and strings for numbers are refused, so a game only ever sees well-typed inputs.
 */
final class StateCodec {

    private final JsonMapper state;
    private final JsonMapper input;
    /**
     * One writer per platform thread (tick workers, event loops), kept across values: {@code writeValueAsBytes} builds
     * a generator, its escapes table and a serialization context for every value, which cost about a third of
     * encoding an arena patch. Virtual threads, which come and go, use the plain path.
     */
    private final ThreadLocal<Reused> reused;

    StateCodec() {
        this.state = JsonMapper.builder()
                .addModule(new BlackbirdModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .changeDefaultVisibility(v -> v.withVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                        .withVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.input = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .build();
        ObjectWriter writer = state.writer().withRootValueSeparator((String) null);
        this.reused = ThreadLocal.withInitial(() -> new Reused(writer));
    }

    byte[] write(Object value) {
        if (Thread.currentThread().isVirtual()) {
            return state.writeValueAsBytes(value);
        }
        try {
            return reused.get().write(value);
        } catch (RuntimeException e) {
            reused.remove(); // the generator may be left inside a half-written value
            throw e;
        }
    }

    <T> T read(byte[] json, Class<T> type) {
        return state.readValue(json, type);
    }

    /** Parses an input strictly; throws {@link tools.jackson.core.JacksonException} with a readable message. */
    <I> I input(byte[] json, Class<I> type) {
        return input.readValue(json, type);
    }

    /** A sequence writer over a buffer that is emptied before each value: one generator for every value. */
    private static final class Reused {

        private final Buffer buffer = new Buffer();
        private final SequenceWriter sequence;

        Reused(ObjectWriter writer) {
            this.sequence = writer.writeValues(buffer);
        }

        byte[] write(Object value) {
            buffer.reset();
            sequence.write(value);
            sequence.flush();
            return buffer.toByteArray();
        }
    }

    /** An unsynchronized growable byte buffer (one thread only). */
    private static final class Buffer extends OutputStream {

        private byte[] bytes = new byte[1024];
        private int size;

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void reset() {
            if (bytes.length > 64 * 1024) {
                bytes = new byte[1024]; // one huge value does not pin a huge buffer to the thread
            }
            size = 0;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
