package org.gamebackend.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The log gives back every entry as appended, across seals of its raw buffer (full, or at a checkpoint), inputs longer
 * than the buffer, and rollbacks over seals.
 */
class InputLogTests {

    @Test
    void entriesComeBackAcrossBlocksAndCheckpoints() {
        SplittableRandom random = new SplittableRandom(11);
        InputLog log = new InputLog(SMALL);
        List<LogEntry> written = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            LogEntry entry = entry(random, i);
            log.append(entry);
            written.add(entry);
            if (i % 700 == 699) {
                log.checkpoint();
            }
        }
        assertThat(log.size()).isEqualTo(written.size());
        assertSame(InputLog.entries(log.toBytes()), written);
        // and a log read back from its bytes goes on where it was
        InputLog restored = InputLog.fromBytes(log.toBytes());
        LogEntry more = entry(random, 5_000);
        restored.append(more);
        written.add(more);
        assertSame(InputLog.entries(restored.toBytes()), written);
    }

    @Test
    void aRollbackDropsWhatCameAfterTheCheckpoint() {
        SplittableRandom random = new SplittableRandom(12);
        InputLog log = new InputLog(SMALL);
        List<LogEntry> kept = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            LogEntry entry = entry(random, i);
            log.append(entry);
            kept.add(entry);
        }
        int position = log.checkpoint();
        for (int i = 300; i < 600; i++) {
            log.append(entry(random, i)); // the buffer fills and is sealed several times, then all is thrown away
        }
        log.rollback(position);
        assertThat(log.size()).isEqualTo(300);
        for (int i = 600; i < 700; i++) { // and the log goes on from the checkpoint
            LogEntry entry = entry(random, i);
            log.append(entry);
            kept.add(entry);
        }
        assertThat(log.size()).isEqualTo(400);
        assertSame(InputLog.entries(log.toBytes()), kept);
    }

    @Test
    void aLongLogMovesItsChunksOutOfTheSharedSlabsAndRollsBackAcrossTheMove() {
        SplittableRandom random = new SplittableRandom(13);
        InputLog log = new InputLog(SMALL);
        List<LogEntry> kept = new ArrayList<>();
        int maxInSlabs = 0;
        int position = 0;
        for (int i = 0; i < 3_000; i++) {
            LogEntry entry = entry(random, i);
            log.append(entry);
            kept.add(entry);
            if (i % 20 == 19) {
                position = log.checkpoint();
                maxInSlabs = Math.max(maxInSlabs, log.chunksInSlabs());
            }
        }
        assertThat(position).as("chunks sealed").isGreaterThan(3 * InputLog.RELOCATE_AFTER);
        assertThat(maxInSlabs).isLessThan(InputLog.RELOCATE_AFTER * 3 / 2);
        assertSame(InputLog.entries(log.toBytes()), kept);
        // a restart point from before the last move: rolling back to it drops the newer chunks, moved or not
        int early = InputLog.RELOCATE_AFTER + 3;
        log.rollback(early);
        int keptEntries = InputLog.entries(log.toBytes()).size();
        assertSame(InputLog.entries(log.toBytes()), kept.subList(0, keptEntries));
        LogEntry more = entry(random, 9_999);
        log.append(more);
        List<LogEntry> after = new ArrayList<>(kept.subList(0, keptEntries));
        after.add(more);
        assertSame(InputLog.entries(log.toBytes()), after);
    }

    private static final int SMALL = 1024;

    /** Inputs from none to three buffers long, so the buffer is sealed at every fill level and outgrown. */
    private static LogEntry entry(SplittableRandom random, long tick) {
        int kind = random.nextInt(5);
        if (kind == 0) {
            return LogEntry.of(tick, random.nextInt(8), LogEntry.Kind.DROP);
        }
        byte[] input = new byte[random.nextInt(kind == 1 ? 3 * SMALL : 80)];
        random.nextBytes(input);
        return new LogEntry(tick, random.nextInt(8), LogEntry.Kind.INPUT, input, null);
    }

    private static void assertSame(List<LogEntry> read, List<LogEntry> written) {
        assertThat(read).hasSameSizeAs(written);
        for (int i = 0; i < written.size(); i++) {
            LogEntry a = read.get(i);
            LogEntry b = written.get(i);
            assertThat(a.tick()).isEqualTo(b.tick());
            assertThat(a.seat()).isEqualTo(b.seat());
            assertThat(a.kind()).isEqualTo(b.kind());
            assertThat(a.input()).isEqualTo(b.input());
        }
    }
}
