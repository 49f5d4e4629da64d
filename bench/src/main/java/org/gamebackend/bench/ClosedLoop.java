package org.gamebackend.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop load: {@code concurrency} clients (virtual threads) each send a request, wait for its answer and send the
 * next, until the warm-up and the measured window are over. Only requests started after the warm-up count: 200s into
 * the latency histogram, anything else as a failure.
 */
final class ClosedLoop {

    /** One request of client-side sequence number {@code i}; returns the HTTP status. */
    @FunctionalInterface
    interface Call {
        int send(int i) throws Exception;
    }

    /** @param latency nanoseconds per successful request in the measured window */
    record Result(long ok, long failed, Histogram latency) {}

    private ClosedLoop() {}

    static Result run(int concurrency, int warmupSeconds, int seconds, Call call) {
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(warmupSeconds).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < concurrency; c++) {
                int client = c;
                clients.submit(() -> {
                    int i = client;
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= end) {
                            return null;
                        }
                        int status = call.send(i++);
                        long took = System.nanoTime() - start;
                        if (start >= warmupEnd) {
                            if (status == 200) {
                                ok.incrementAndGet();
                                recorder.recordValue(took);
                            } else {
                                failed.incrementAndGet();
                            }
                        }
                    }
                });
            }
        }
        return new Result(ok.get(), failed.get(), recorder.getIntervalHistogram());
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
