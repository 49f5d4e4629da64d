package org.gamebackend.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import org.HdrHistogram.Histogram;

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

        ClosedLoop.Result result = ClosedLoop.run(
                concurrency,
                warmup,
                seconds,
                i -> post(
                                http,
                                base + "/api/v1/auth/login",
                                "{\"login\":\"" + logins.get(i % logins.size()) + "\",\"password\":\"load-test-pw\"}")
                        .statusCode());
        Histogram h = result.latency();
        System.out.printf(
                Locale.ROOT,
                "login: %d ok, %d failed in %d s -> %.1f logins/s; latency ms p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                result.ok(),
                result.failed(),
                seconds,
                result.ok() / (double) seconds,
                ClosedLoop.ms(h.getValueAtPercentile(50)),
                ClosedLoop.ms(h.getValueAtPercentile(90)),
                ClosedLoop.ms(h.getValueAtPercentile(99)),
                ClosedLoop.ms(h.getMaxValue()));
        if (result.failed() > 0) {
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

    private static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }
}
