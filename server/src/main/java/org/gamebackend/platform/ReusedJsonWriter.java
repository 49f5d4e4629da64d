package org.gamebackend.platform;

import java.io.OutputStream;
import java.util.Arrays;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SequenceWriter;

/**
 * {@code writeValueAsBytes} for hot paths: one generator per platform thread (tick workers, event loops), kept across
 * values. {@code writeValueAsBytes} builds a generator, its escapes table and a serialization context for every value,
 * which cost as much as writing a small message (a socket reply, a patch's frame). Virtual threads, which come and go,
 * take the plain path. The bytes are the same either way ({@code StateCodecTests}).
 */
public final class ReusedJsonWriter {

    private final ObjectMapper mapper;
    private final ThreadLocal<Reused> reused;

    public ReusedJsonWriter(ObjectMapper mapper) {
        this.mapper = mapper;
        ObjectWriter writer = mapper.writer().withRootValueSeparator((String) null);
        this.reused = ThreadLocal.withInitial(() -> new Reused(writer));
    }

    public byte[] write(Object value) {
        if (Thread.currentThread().isVirtual()) {
            return mapper.writeValueAsBytes(value);
        }
        try {
            return reused.get().write(value);
        } catch (RuntimeException e) {
            reused.remove(); // the generator may be left inside a half-written value
            throw e;
        }
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
}
