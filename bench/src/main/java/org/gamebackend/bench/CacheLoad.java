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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Cached reads under concurrent load against a running server: logs in {@code users} guests, then for each of a
 * leaderboard page ({@code GET /api/v1/leaderboards/{mode}?limit=50}) and the caller's profile ({@code GET
 * /api/v1/me}, round-robin over the guests), {@code concurrency} clients send requests back to back for {@code
 * seconds} after a warm-up. Prints requests/s and p50/p99 per endpoint, prefixed with {@code label} (the cache setting
 * the server was started with: see bench/scripts/cache.sh).
 *
 * <p>Usage: {@code CacheLoad baseUrl label [concurrency] [seconds] [warmupSeconds] [users] [mode]}
 */
public final class CacheLoad {

    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private CacheLoad() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String label = args[1];
        int concurrency = Integer.parseInt(arg(args, 2, "16"));
        int seconds = Integer.parseInt(arg(args, 3, "10"));
        int warmup = Integer.parseInt(arg(args, 4, "3"));
        int users = Integer.parseInt(arg(args, 5, "32"));
        String mode = arg(args, 6, "tictactoe");

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/guest"))
                            .header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"device_id\":\"cache-bench-" + i + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = TOKEN.matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("guest login failed: " + r.statusCode() + " " + r.body());
            }
            tokens.add(m.group(1));
        }
        boolean failed = run(
                http,
                label,
                "leaderboard",
                concurrency,
                seconds,
                warmup,
                i -> request(base + "/api/v1/leaderboards/" + mode + "?limit=50", tokens.get(i % tokens.size())));
        failed |= run(
                http,
                label,
                "profile",
                concurrency,
                seconds,
                warmup,
                i -> request(base + "/api/v1/me", tokens.get(i % tokens.size())));
        if (failed) {
            System.exit(1);
        }
    }

    private static HttpRequest request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
    }

    private interface Requests {
        HttpRequest next(int i);
    }

    private static boolean run(
            HttpClient http, String label, String name, int concurrency, int seconds, int warmup, Requests requests) {
        ClosedLoop.Result result = ClosedLoop.run(
                concurrency,
                warmup,
                seconds,
                i -> http.send(requests.next(i), HttpResponse.BodyHandlers.discarding())
                        .statusCode());
        Histogram h = result.latency();
        System.out.printf(
                Locale.ROOT,
                "%-11s %-11s %7d ok %3d failed in %d s -> %8.1f req/s; latency ms p50 %6.2f  p99 %6.2f  max %7.2f%n",
                label,
                name,
                result.ok(),
                result.failed(),
                seconds,
                result.ok() / (double) seconds,
                ClosedLoop.ms(h.getValueAtPercentile(50)),
                ClosedLoop.ms(h.getValueAtPercentile(99)),
                ClosedLoop.ms(h.getMaxValue()));
        return result.failed() > 0;
    }

    private static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }
}
