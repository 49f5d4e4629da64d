package org.gamebackend.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How long this machine keeps a thread from running when it asked to wake: one platform thread parks for 1 ms at a
 * time and reports every wake-up that came more than {@code threshold} late, with the time since start. Run it
 * beside a benchmark (another process) to tell stalls the machine causes from stalls the benchmark causes: both
 * processes see the first kind. This is how the kernel's memory monitor was found to stall every thread twice a
 * second here (docs/benchmarks.md, "What the machine takes").
 *
 * <p>Usage: {@code Hiccups [seconds] [thresholdMs]}; prints a summary line at the end.
 */
public final class Hiccups {

    private Hiccups() {}

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        long threshold = TimeUnit.MILLISECONDS.toNanos(args.length > 1 ? Long.parseLong(args[1]) : 3);
        long park = TimeUnit.MILLISECONDS.toNanos(1);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long last = start;
        long stalls = 0;
        long stalled = 0;
        long worst = 0;
        while (last < end) {
            LockSupport.parkNanos(park);
            long now = System.nanoTime();
            long late = now - last - park;
            if (late > threshold) {
                stalls++;
                stalled += late;
                worst = Math.max(worst, late);
                System.out.printf(Locale.ROOT, "%.2f s: woke %.1f ms late%n", (now - start) / 1e9, late / 1e6);
            }
            last = now;
        }
        System.out.printf(
                Locale.ROOT,
                "hiccups: %d over %.1f ms in %d s, %.1f ms in all (%.2f %% of the time), worst %.1f ms%n",
                stalls,
                threshold / 1e6,
                seconds,
                stalled / 1e6,
                100.0 * stalled / TimeUnit.SECONDS.toNanos(seconds),
                worst / 1e6);
    }
}
