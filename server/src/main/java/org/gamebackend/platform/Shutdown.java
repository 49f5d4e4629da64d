package org.gamebackend.platform;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Stopping executors at shutdown the same way everywhere: no new work, a bounded wait for what runs. */
public final class Shutdown {

    private Shutdown() {}

    /** Shuts the executor down and waits up to {@code grace} for its tasks; keeps the interrupt flag if interrupted. */
    public static void await(ExecutorService executor, Duration grace) {
        executor.shutdown();
        try {
            executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
