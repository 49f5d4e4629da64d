package org.gamebackend.engine.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A match's log, kept compact: the newest entries as raw bytes in one buffer the match keeps for its whole life, older
 * ones as deflated chunks. The buffer is sealed into a chunk when it is full and at every checkpoint (each snapshot,
 * which is also where a crashed match restarts), so however many inputs arrive between two snapshots the raw part
 * stays within the buffer. A 3-minute 4-player arena match at 20 Hz logs ~14,000 inputs; raw that is ~0.8 MB,
 * deflated about a tenth.
 *
 * <p>Why one reused buffer, and chunks in {@link LogSlabs}: writing bytes into an array the collector has already moved
 * to the old generation creates no work for the next young collection, while fresh arrays (or a growing one) are
 * copied by every young pause until they are old — at 10,000 matches that copying was most of each pause
 * (docs/benchmarks.md). Deflating also goes through a buffer kept per thread, so a seal allocates nothing young but
 * the slab's small receipt.
 *
 * <p>Entry format: tick (long), seat (byte), kind (byte), input length (int, -1 = none), input bytes.
 */
final class InputLog {

    private static final ThreadLocal<Deflating> DEFLATING = ThreadLocal.withInitial(Deflating::new);

    /**
     * Chunks a log leaves in shared slabs, on average, before moving them into an array of its own: a slab is freed
     * only when no log points into it, so a long match would otherwise hold on to every slab it ever wrote to. A busy
     * arena match seals every ~2.5 s (a full buffer, or a snapshot), so 128 seals are ~5 minutes: a default 3-minute
     * match never moves its log, and a longer one holds slabs for its last ~5–8 minutes only. Each log draws its own
     * threshold between half and one and a half times this, so matches started together do not all move at once (at
     * 10,000 such matches the moves came in one wave of ~700 MB: a 78 ms and a 54 ms pause).
     */
    static final int RELOCATE_AFTER = 128;

    /** The raw buffer's size (an input longer than this gets a buffer of its own size). */
    private static final int RAW = 16 * 1024;

    /** Bytes of an entry before its input: tick, seat, kind, input length. */
    private static final int HEADER = 14;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    /** Sealed chunk {@code i} is {@code chunkLengths[i]} bytes of {@code chunkArrays[i]} from {@code chunkOffsets[i]}. */
    private byte[][] chunkArrays = new byte[16][];

    private int[] chunkOffsets = new int[16];
    private int[] chunkLengths = new int[16];
    /** {@code ends[i]}: entries in chunks {@code 0..i}. */
    private int[] ends = new int[16];

    private int chunkCount;
    /** Chunks {@code 0..relocated)} are in arrays of this log's own; the newer ones in shared slabs. */
    private int relocated;
    /** This log's threshold for moving its chunks out of the slabs (layout only: entries and replays are unaffected). */
    private final int relocateAfter =
            RELOCATE_AFTER / 2 + ThreadLocalRandom.current().nextInt(RELOCATE_AFTER);

    private final int capacity;
    private byte[] raw;
    private int used;
    /** Entries in {@code raw}. */
    private int pending;

    InputLog() {
        this(RAW);
    }

    /** A log with a raw buffer of {@code capacity} bytes (tests use small ones to seal often). */
    InputLog(int capacity) {
        this.capacity = capacity;
        this.raw = new byte[capacity];
    }

    void append(LogEntry entry) {
        byte[] input = entry.input();
        int length = input == null ? -1 : input.length;
        int size = HEADER + Math.max(0, length);
        if (raw.length - used < size) {
            seal();
            if (raw.length < size) {
                raw = new byte[size]; // one huge input: a buffer of its own, back to the usual size after it
            }
        }
        LONG.set(raw, used, entry.tick());
        raw[used + 8] = (byte) entry.seat();
        raw[used + 9] = (byte) entry.kind().ordinal();
        INT.set(raw, used + 10, length);
        if (input != null) {
            System.arraycopy(input, 0, raw, used + HEADER, input.length);
        }
        used += size;
        pending++;
    }

    /** Deflates the raw entries into a new chunk and empties the buffer. */
    private void seal() {
        if (pending == 0) {
            return;
        }
        Deflating deflating = DEFLATING.get();
        int length = deflating.deflate(raw, used); // may replace its buffer: read it after
        addChunk(deflating.out, length, pending);
        clearRaw();
    }

    /** Appends a sealed chunk of the first {@code length} bytes of {@code bytes}, holding {@code count} entries. */
    private void addChunk(byte[] bytes, int length, int count) {
        if (chunkCount == ends.length) {
            int grown = ends.length * 2;
            chunkArrays = Arrays.copyOf(chunkArrays, grown);
            chunkOffsets = Arrays.copyOf(chunkOffsets, grown);
            chunkLengths = Arrays.copyOf(chunkLengths, grown);
            ends = Arrays.copyOf(ends, grown);
        }
        LogSlabs.Place place = LogSlabs.store(bytes, length);
        chunkArrays[chunkCount] = place.array();
        chunkOffsets[chunkCount] = place.offset();
        chunkLengths[chunkCount] = length;
        ends[chunkCount] = sealedEntries() + count;
        chunkCount++;
        if (chunkCount - relocated >= relocateAfter) {
            relocate();
        }
    }

    /**
     * Copies the chunks still in shared slabs into one new array of this log's own (older chunks were moved before),
     * so the log keeps no slab alive. Each chunk is moved once; the new array is young, so a match that lasts this long
     * pays young pauses what its chunks cost before the slabs, in one piece per {@link #RELOCATE_AFTER} chunks.
     */
    private void relocate() {
        int total = 0;
        for (int i = relocated; i < chunkCount; i++) {
            total += chunkLengths[i];
        }
        byte[] own = new byte[total];
        int at = 0;
        for (int i = relocated; i < chunkCount; i++) {
            System.arraycopy(chunkArrays[i], chunkOffsets[i], own, at, chunkLengths[i]);
            chunkArrays[i] = own;
            chunkOffsets[i] = at;
            at += chunkLengths[i];
        }
        relocated = chunkCount;
    }

    /** Sealed chunks still in shared slabs (fewer than one and a half times {@link #RELOCATE_AFTER}). */
    int chunksInSlabs() {
        return chunkCount - relocated;
    }

    private int sealedEntries() {
        return chunkCount == 0 ? 0 : ends[chunkCount - 1];
    }

    private void clearRaw() {
        if (raw.length != capacity) {
            raw = new byte[capacity];
        }
        used = 0;
        pending = 0;
    }

    /** Seals what was appended since the last checkpoint; returns the position a restore can go back to. */
    int checkpoint() {
        seal();
        return chunkCount;
    }

    /** Drops everything after checkpoint {@code position}. */
    void rollback(int position) {
        while (chunkCount > position) {
            chunkArrays[--chunkCount] = null;
        }
        relocated = Math.min(relocated, chunkCount);
        clearRaw();
    }

    int size() {
        return sealedEntries() + pending;
    }

    /** Every entry so far, as one byte array of length-prefixed deflated chunks (what the database keeps). */
    byte[] toBytes() {
        checkpoint();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(all)) {
            for (int i = 0; i < chunkCount; i++) {
                out.writeInt(chunkLengths[i]);
                out.write(chunkArrays[i], chunkOffsets[i], chunkLengths[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toByteArray();
    }

    static InputLog fromBytes(byte[] bytes) {
        InputLog log = new InputLog();
        for (byte[] chunk : split(bytes)) {
            log.addChunk(chunk, chunk.length, read(inflate(chunk)).size());
        }
        return log;
    }

    /** Decodes every entry of a stored log. */
    static List<LogEntry> entries(byte[] bytes) {
        List<LogEntry> all = new ArrayList<>();
        for (byte[] chunk : split(bytes)) {
            all.addAll(read(inflate(chunk)));
        }
        return all;
    }

    private static List<byte[]> split(byte[] bytes) {
        List<byte[]> chunks = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            while (in.available() > 0) {
                byte[] chunk = new byte[in.readInt()];
                in.readFully(chunk);
                chunks.add(chunk);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt match log", e);
        }
        return chunks;
    }

    private static List<LogEntry> read(byte[] raw) {
        List<LogEntry> out = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(raw))) {
            while (in.available() > 0) {
                long tick = in.readLong();
                int seat = in.readUnsignedByte();
                LogEntry.Kind kind = LogEntry.Kind.values()[in.readUnsignedByte()];
                int length = in.readInt();
                byte[] input = null;
                if (length >= 0) {
                    input = new byte[length];
                    in.readFully(input);
                }
                out.add(new LogEntry(tick, seat, kind, input, null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt match log", e);
        }
        return out;
    }

    /** A deflater and its output buffer, kept by each thread that seals (the tick workers, mostly). */
    private static final class Deflating {
        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        private byte[] out = new byte[4096];

        /** Deflates {@code raw[0..length)} into {@code out}; returns the deflated length. */
        int deflate(byte[] raw, int length) {
            deflater.reset();
            deflater.setInput(raw, 0, length);
            deflater.finish();
            int n = 0;
            while (!deflater.finished()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                n += deflater.deflate(out, n, out.length - n);
            }
            return n;
        }
    }

    private static byte[] inflate(byte[] chunk) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(chunk);
            ByteArrayOutputStream out = new ByteArrayOutputStream(chunk.length * 4);
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    throw new UncheckedIOException(new IOException("truncated match log chunk"));
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new UncheckedIOException(new IOException("corrupt match log chunk", e));
        } finally {
            inflater.end();
        }
    }
}
