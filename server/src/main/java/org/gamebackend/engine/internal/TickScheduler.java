package org.gamebackend.engine.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed pool of tick workers (one per core by default) and a watchdog. A new match goes to the worker that owns
 * the fewest. When a worker has been inside one match's tick for longer than {@code stallAfter} (a game looping or
 * blocking), the watchdog moves that worker's other matches to healthy workers, starting a spare worker when none is
 * healthy: one stuck match never delays the others for longer than {@code stallAfter}.
 *
 * <p>Time the watchdog could not see does not count as a stall: when the watchdog itself wakes late (a garbage
 * collection's pause stops every thread, or the machine is starved of CPU), it counts a worker's time in its tick only
 * from the moment it woke. Before this, one long young pause made both workers look stuck and moved every match onto
 * one of them.
 */
final class TickScheduler {

    private static final Logger log = LoggerFactory.getLogger(TickScheduler.class);

    private final List<TickWorker> workers = new CopyOnWriteArrayList<>();
    private final long stallNanos;
    private final AtomicInteger spares = new AtomicInteger();
    private final Thread watchdog;
    private volatile boolean running = true;
    /** Since when the watchdog has been watching without a gap (the end of its last late wake-up). */
    private volatile long watchedSince = System.nanoTime();

    TickScheduler(int workerCount, long stallNanos) {
        this.stallNanos = stallNanos;
        for (int i = 0; i < workerCount; i++) {
            TickWorker w = new TickWorker("tick-worker-" + i);
            workers.add(w);
            w.start();
        }
        this.watchdog = Thread.ofPlatform().name("tick-watchdog").daemon().start(this::watch);
    }

    void assign(MatchRuntime match) {
        healthiest(System.nanoTime()).adopt(match);
    }

    int workerCount() {
        return workers.size();
    }

    private TickWorker healthiest(long now) {
        return workers.stream()
                .filter(w -> !stuck(w, now))
                .min(Comparator.comparingInt(TickWorker::owned))
                .orElseGet(this::spare);
    }

    private TickWorker spare() {
        TickWorker w = new TickWorker("tick-worker-spare-" + spares.incrementAndGet());
        workers.add(w);
        w.start();
        log.warn("every tick worker is stalled; started {}", w);
        return w;
    }

    private void watch() {
        long period = Math.max(1, TimeUnit.NANOSECONDS.toMillis(stallNanos) / 4);
        long last = System.nanoTime();
        while (running) {
            try {
                TimeUnit.MILLISECONDS.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            if (now - last > TimeUnit.MILLISECONDS.toNanos(period) + stallNanos / 4) {
                unwatchedUntil(now); // we were not running: whatever stopped us stopped the workers too
            }
            last = now;
            check(now);
        }
    }

    /** Moves the other matches of every worker stuck in one tick for {@code stallAfter} of watched time. */
    void check(long now) {
        for (TickWorker w : workers) {
            if (stuck(w, now)) {
                List<MatchRuntime> moved = w.evacuate();
                if (!moved.isEmpty()) {
                    log.warn("a tick worker is stuck in one match; moving its {} other matches", moved.size());
                    moved.forEach(m -> healthiest(now).adopt(m));
                }
            }
        }
    }

    /** Wakes the watchdog saw late: nothing before {@code at} counts towards a stall. */
    void unwatchedUntil(long at) {
        watchedSince = at;
    }

    private boolean stuck(TickWorker w, long now) {
        return w.busyFor(now) >= stallNanos && now - watchedSince >= stallNanos;
    }

    /** Stops every worker after its current tick and returns the matches they held. */
    List<MatchRuntime> shutdown() throws InterruptedException {
        running = false;
        watchdog.interrupt();
        List<MatchRuntime> held = new ArrayList<>();
        for (TickWorker w : workers) {
            w.stop();
            held.addAll(w.remaining());
        }
        return held;
    }
}
