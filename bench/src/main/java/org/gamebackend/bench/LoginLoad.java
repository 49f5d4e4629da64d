package org.gamebackend.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Login under concurrent load against a running server: registers {@code users} accounts, then {@code concurrency}
 * clients log in (round-robin over the accounts) as fast as they can for {@code seconds}, after a warm-up. Prints
 * p50/p90/p99/max latency and throughput. The server must allow the rate (AUTH_RATE_PER_IP, LOGIN_RATE_PER_ACCOUNT).
 *
 * <p>Usage: {@code LoginLoad [baseUrl] [concurrency] [seconds] [warmupSeconds] [users]}
 */
public final class LoginLoad {

    private LoginLoad() {}

    public static void main(String[] args) throws Exception {
        String base = arg(args, 0, "http://localhost:4000");
        int concurrency = Integer.parseInt(arg(args, 1, "16"));
        int seconds = Integer.parseInt(arg(args, 2, "30"));
        int warmup = Integer.parseInt(arg(args, 3, "10"));
        int users = Integer.parseInt(arg(args, 4, "64"));

        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> logins = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String name = "load" + run + "u" + i;
            HttpResponse<String> r = post(
                    http,
                    base + "/api/v1/auth/register",
                    "{\"username\":\"" + name + "\",\"email\":\"" + name
                            + "@example.com\",\"password\":\"load-test-pw\"}");
            if (r.statusCode() != 201) {
                throw new IllegalStateException("register failed: " + r.statusCode() + " " + r.body());
            }
            logins.add(name);
        }
        System.out.printf(
                "registered %d users; %d clients, warm-up %d s, measuring %d s%n", users, concurrency, warmup, seconds);

        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
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
                        String login = logins.get(i++ % logins.size());
                        HttpResponse<String> r = post(
                                http,
                                base + "/api/v1/auth/login",
                                "{\"login\":\"" + login + "\",\"password\":\"load-test-pw\"}");
                        long took = System.nanoTime() - start;
                        if (start >= warmupEnd) {
                            if (r.statusCode() == 200) {
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
        Histogram h = recorder.getIntervalHistogram();
        System.out.printf(
                Locale.ROOT,
                "login: %d ok, %d failed in %d s -> %.1f logins/s; latency ms p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                ok.get(),
                failed.get(),
                seconds,
                ok.get() / (double) seconds,
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getMaxValue()));
        if (failed.get() > 0) {
            System.exit(1);
        }
    }

    private static HttpResponse<String> post(HttpClient http, String url, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("content-type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }
}
