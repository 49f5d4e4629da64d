package org.gamebackend.engine.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One platform thread that owns many matches and runs each one's ticks when they fall due (earliest first). A match
 * is touched only by the worker that owns it, and only between ticks can it change owner ({@link #evacuate}).
 */
final class TickWorker implements Runnable {

    /**
     * A tick due within this is run now: parking for less costs more than it waits (Linux timer slack is ~50 µs),
     * and with a thousand matches per worker the gaps between ticks are that short. Running a tick 0.2 ms early is
     * invisible to players; running it late because of many short sleeps is not.
     */
    private static final long EARLY_NANOS = 200_000;

    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final DueQueue<MatchRuntime> due = new DueQueue<>();
    private volatile @Nullable MatchRuntime current;
    private volatile long currentSince;
    private volatile boolean running = true;
    private volatile int owned;
    private @Nullable Thread thread;

    TickWorker(String name) {
        this.name = name;
    }

    void start() {
        thread = Thread.ofPlatform().name(name).daemon().start(this);
    }

    @Override
    public void run() {
        while (running) {
            MatchRuntime next = takeDue();
            if (next == null) {
                continue;
            }
            current = next;
            currentSince = System.nanoTime();
            boolean keep;
            try {
                keep = next.runTick(currentSince);
            } finally {
                current = null;
            }
            lock.lock();
            try {
                if (keep) {
                    due.add(next, next.nextTickAt());
                } else {
                    owned--;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private @Nullable MatchRuntime takeDue() {
        lock.lock();
        try {
            if (due.isEmpty()) {
                changed.await(100, TimeUnit.MILLISECONDS);
                return null;
            }
            long wait = due.firstDue() - System.nanoTime();
            if (wait > EARLY_NANOS) {
                changed.awaitNanos(wait - EARLY_NANOS);
                return null;
            }
            return due.poll();
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    void adopt(MatchRuntime match) {
        lock.lock();
        try {
            due.add(match, match.nextTickAt());
            owned++;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Hands over every match this worker is not running right now (the caller gives them a new owner). */
    List<MatchRuntime> evacuate() {
        lock.lock();
        try {
            List<MatchRuntime> out = due.drain();
            owned -= out.size();
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** Nanoseconds spent so far in the current tick, or 0 when idle. */
    long busyFor(long now) {
        return current == null ? 0 : now - currentSince;
    }

    int owned() {
        return owned;
    }

    /** Stops after the current tick and waits for the thread to end. */
    void stop() throws InterruptedException {
        running = false;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        Thread t = thread;
        if (t != null) {
            t.join(5_000);
        }
    }

    /** What the worker held when it stopped. */
    List<MatchRuntime> remaining() {
        return evacuate();
    }
}
