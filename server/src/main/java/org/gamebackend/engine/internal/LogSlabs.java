package org.gamebackend.engine.internal;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Where every match's sealed log chunks are kept: shared arrays of one G1 region each, filled one after another. G1
 * allocates an array of at least half a region straight in the old generation (a "humongous" object), so no young
 * collection ever copies a sealed chunk. Before, each chunk was an array of its own, young when sealed: at 10,000
 * arena matches that was ~20 MB copied by every young pause, twice (to a survivor space, then to the old generation),
 * the largest part of each pause (docs/benchmarks.md, "Sealed chunks out of the young generation").
 *
 * <p>The price is memory: a slab lives as long as the longest-lived log with a chunk in it. To bound that, a log moves
 * its chunks into an array of its own once about {@link InputLog#RELOCATE_AFTER} of them are in slabs, so a match holds
 * a slab for at most that many of its seals (~5–8 minutes for a busy arena match), however long it lasts; slabs held
 * beyond the live chunks are at most the last few minutes of sealing. The heap counts them, and G1 reclaims a slab at the
 * first collection that finds no log pointing into it.
 *
 * <p>Chunks are written once, under this class's lock, and only read after that by the match that owns them (which
 * reaches other threads through the tick workers' hand-over), so readers never see a chunk half written.
 */
final class LogSlabs {

    /** One region less room for the array's header, so a slab is humongous and fits in one region. */
    static final int SIZE = slabSize();

    private static byte[] current = new byte[0];
    private static int used;

    private LogSlabs() {}

    /** Where a chunk was put: {@code length} bytes of {@code array} from {@code offset}. */
    record Place(byte[] array, int offset) {}

    /** Copies the first {@code length} bytes of {@code bytes} into a slab; a chunk over half a slab gets its own array. */
    static synchronized Place store(byte[] bytes, int length) {
        if (length > SIZE / 2) {
            return new Place(Arrays.copyOf(bytes, length), 0);
        }
        if (current.length - used < length) {
            current = new byte[SIZE];
            used = 0;
        }
        System.arraycopy(bytes, 0, current, used, length);
        Place place = new Place(current, used);
        used += length;
        return place;
    }

    private static int slabSize() {
        long region = 0;
        try {
            region = Long.parseLong(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("G1HeapRegionSize")
                    .getValue());
        } catch (RuntimeException e) {
            // not HotSpot, or no such option: the default below
        }
        long size = region > 0 ? region : 1 << 20; // other collectors: 1 MB, large enough to be allocated apart
        return (int) Math.min(size, 32 << 20) - 64;
    }
}
