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
 */
final class TickScheduler {

    private static final Logger log = LoggerFactory.getLogger(TickScheduler.class);

    private final List<TickWorker> workers = new CopyOnWriteArrayList<>();
    private final long stallNanos;
    private final AtomicInteger spares = new AtomicInteger();
    private final Thread watchdog;
    private volatile boolean running = true;

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
        healthiest().adopt(match);
    }

    int workerCount() {
        return workers.size();
    }

    private TickWorker healthiest() {
        long now = System.nanoTime();
        return workers.stream()
                .filter(w -> w.busyFor(now) < stallNanos)
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
        while (running) {
            try {
                TimeUnit.MILLISECONDS.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(stallNanos) / 4));
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (TickWorker w : workers) {
                if (w.busyFor(now) >= stallNanos) {
                    List<MatchRuntime> moved = w.evacuate();
                    if (!moved.isEmpty()) {
                        log.warn("a tick worker is stuck in one match; moving its {} other matches", moved.size());
                        moved.forEach(this::assign);
                    }
                }
            }
        }
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
