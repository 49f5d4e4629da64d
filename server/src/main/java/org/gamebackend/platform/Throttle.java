package org.gamebackend.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets something through at most once per interval — for log lines about failures that can repeat thousands of times
 * a second (a failing bot, an unreachable Redis). Thread-safe; the first call is always due.
 */
public final class Throttle {

    private final long intervalNanos;
    private final AtomicLong last;

    public Throttle(Duration interval) {
        this.intervalNanos = interval.toNanos();
        this.last = new AtomicLong(System.nanoTime() - intervalNanos);
    }

    /** True at most once per interval: the caller that gets true does the throttled thing. */
    public boolean due() {
        long now = System.nanoTime();
        long previous = last.get();
        return now - previous >= intervalNanos && last.compareAndSet(previous, now);
    }
}
