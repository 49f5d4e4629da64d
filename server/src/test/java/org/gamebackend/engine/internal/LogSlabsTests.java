package org.gamebackend.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Sealed chunks go into shared slabs sized so G1 allocates them in the old generation, one after another, and each
 * reads back as stored.
 */
class LogSlabsTests {

    @Test
    void aSlabIsHumongousButFitsInOneRegion() {
        long region = Long.parseLong(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("G1HeapRegionSize")
                .getValue());
        if (region > 0) { // G1: at least half a region (allocated in the old generation), header included in one
            assertThat((long) LogSlabs.SIZE).isGreaterThanOrEqualTo(region / 2).isLessThanOrEqualTo(region - 16);
        } else {
            assertThat(LogSlabs.SIZE).isEqualTo((1 << 20) - 64);
        }
    }

    @Test
    void chunksAreStoredOneAfterAnotherAndReadBackAsGiven() {
        SplittableRandom random = new SplittableRandom(5);
        byte[] previousArray = null;
        int previousEnd = 0;
        for (int i = 0; i < 2_000; i++) {
            byte[] chunk = new byte[1 + random.nextInt(4_000)];
            random.nextBytes(chunk);
            int length = chunk.length - random.nextInt(Math.min(chunk.length, 8)); // only a prefix is the chunk
            LogSlabs.Place place = LogSlabs.store(chunk, length);
            assertThat(Arrays.copyOfRange(place.array(), place.offset(), place.offset() + length))
                    .isEqualTo(Arrays.copyOf(chunk, length));
            assertThat(place.array()).hasSize(LogSlabs.SIZE);
            if (place.array() == previousArray) { // other tests may store in between, never over what was stored
                assertThat(place.offset()).isGreaterThanOrEqualTo(previousEnd);
            }
            previousArray = place.array();
            previousEnd = place.offset() + length;
        }
    }

    @Test
    void aChunkOverHalfASlabGetsAnArrayOfItsOwn() {
        byte[] big = new byte[LogSlabs.SIZE / 2 + 1];
        new SplittableRandom(6).nextBytes(big);
        LogSlabs.Place place = LogSlabs.store(big, big.length);
        assertThat(place.offset()).isZero();
        assertThat(place.array()).isEqualTo(big).isNotSameAs(big);
    }
}
