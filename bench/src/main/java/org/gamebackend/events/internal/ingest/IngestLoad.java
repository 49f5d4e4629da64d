package org.gamebackend.events.internal.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.gamebackend.GameBackendApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Client events ingested end to end into PostgreSQL per second, on the real server in this JVM.
 *
 * <p>{@code EVENTS SENDERS MODE}: SENDERS players (one HTTP sender each, over real HTTP) post batches of 100 events to
 * {@code POST /api/v1/events} until EVENTS were accepted, then the bench waits until {@code analytics_events} holds
 * every one of them (counted). MODE {@code standalone}: embedded PostgreSQL, written in the request; {@code connected}:
 * a fresh database on 127.0.0.1:5432 and this machine's RabbitMQ, through the ingest queue and the batching consumers.
 * MODE {@code connected-restart}: as connected, against the bench's own RabbitMQ node ({@code bench/scripts/own-rabbit.sh},
 * port 5698), which is stopped and started again once a third of the events were accepted; senders send a refused
 * batch (503) again until it is accepted, as clients are told to, and the count at the end shows whether any was lost.
 * The per-player rate limit is lifted: the bench measures the pipeline, not the limit.
 */
public final class IngestLoad {

    static final int BATCH = 100;

    public static void main(String[] args) throws Exception {
        long events = Long.parseLong(args[0]);
        int senders = Integer.parseInt(args[1]);
        boolean restart = args[2].equals("connected-restart");
        boolean connected = restart || args[2].equals("connected");
        String run = Long.toString(System.currentTimeMillis());
        List<String> settings = new ArrayList<>(List.of(
                "--server.port=0",
                "--game.data-dir=bench/target/run/ingest-" + run,
                "--game.embedded-postgres.port=0",
                "--game.security.jwt.secret=bench-secret-that-is-longer-than-32-bytes-0123456789",
                "--game.accounts.auth-per-ip.requests=100000",
                "--game.events.ingest.rate-per-second=10000000",
                "--game.events.ingest.burst=10000000",
                "--jobrunr.background-job-server.enabled=false",
                "--logging.level.org.gamebackend=WARN"));
        String database = "gb_bench_" + run;
        if (connected) {
            try (Connection c =
                    DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
                c.createStatement().execute("create database " + database);
            }
            settings.add("--DATABASE_URL=postgres://postgres@127.0.0.1:5432/" + database);
            if (restart) {
                settings.add("--RABBITMQ_URL=amqp://guest:guest@127.0.0.1:5698");
                settings.add("--game.events.ingest.confirm-timeout=1s");
            }
            settings.add("--game.events.ingest.queue=bench.ingest." + run);
            settings.add("--game.events.ingest.analytics-queue=bench.analytics." + run);
            settings.add("--game.events.ingest.events-exchange=bench.events." + run);
            settings.add("--game.events.ingest.dead-letter-queue=bench.dlq." + run);
        }
        ConfigurableApplicationContext ctx =
                new SpringApplication(GameBackendApplication.class).run(settings.toArray(String[]::new));
        try {
            run(ctx, events, senders, restart);
        } finally {
            if (connected) {
                ctx.getBean(IngestConsumers.class).stop();
                var admin = ctx.getBean(org.springframework.amqp.core.AmqpAdmin.class);
                admin.deleteQueue("bench.ingest." + run);
                admin.deleteQueue("bench.analytics." + run);
                admin.deleteQueue("bench.dlq." + run);
                admin.deleteExchange("bench.events." + run);
            }
            ctx.close();
            if (connected) {
                try (Connection c =
                        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
                    c.createStatement().execute("drop database if exists " + database + " with (force)");
                }
            }
        }
    }

    private static void run(ConfigurableApplicationContext ctx, long events, int senders, boolean restart)
            throws Exception {
        int port = Integer.parseInt(ctx.getEnvironment().getRequiredProperty("local.server.port"));
        String base = "http://localhost:" + port + "/api/v1";
        HttpClient http = HttpClient.newBuilder().build();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            String name = "bench" + i + "x" + Long.toString(System.nanoTime() % 100000);
            String body = "{\"username\":\"" + name + "\",\"email\":\"" + name
                    + "@bench.test\",\"password\":\"password-123\"}";
            String answer = send(http, base + "/auth/register", null, body, 201);
            int at = answer.indexOf("\"access_token\":\"") + 16;
            tokens.add(answer.substring(at, answer.indexOf('"', at)));
        }
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        long before = count(jdbc);
        AtomicLong sent = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> work = new ArrayList<>();
            for (String token : tokens) {
                work.add(pool.submit(() -> {
                    while (sent.getAndAdd(BATCH) < events) {
                        String batch = batch();
                        while (restart && post(http, base + "/events", token, batch) == 503) {
                            refused.incrementAndGet(); // the broker is down: the same batch again, a little later
                            Thread.sleep(100);
                        }
                        if (!restart) {
                            send(http, base + "/events", token, batch, 202);
                        }
                    }
                    return null;
                }));
            }
            if (restart) {
                work.add(pool.submit(() -> {
                    while (sent.get() < events / 3) {
                        Thread.sleep(10);
                    }
                    long down = System.nanoTime();
                    System.out.printf("restarting the broker after %d events were sent%n", sent.get());
                    Process p = new ProcessBuilder("bash", "bench/scripts/own-rabbit.sh", "restart")
                            .inheritIO()
                            .start();
                    p.waitFor();
                    System.out.printf("broker back after %.1f s%n", (System.nanoTime() - down) / 1e9);
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        }
        long accepted = (events + BATCH - 1) / BATCH * BATCH;
        double posted = (System.nanoTime() - t0) / 1e9;
        System.out.printf("accepted %d events in %.2f s (%.0f/s over HTTP)%n", accepted, posted, accepted / posted);
        long stored;
        while ((stored = count(jdbc) - before) < accepted && System.nanoTime() - t0 < 600e9) {
            Thread.sleep(20);
        }
        double total = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "stored %d of %d events (%d lost) in %.2f s: %.0f events/s end to end%s%n",
                stored,
                accepted,
                accepted - stored,
                total,
                stored / total,
                restart ? " (" + refused.get() + " batches refused while the broker was down, sent again)" : "");
    }

    /** Posts a batch; any status other than 202 and 503 is a failure of the bench. */
    private static int post(HttpClient http, String url, String token, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202 && response.statusCode() != 503) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.statusCode();
    }

    private static String batch() {
        StringBuilder b = new StringBuilder("{\"events\":[");
        String now = Instant.now().toString();
        for (int i = 0; i < BATCH; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"id\":\"")
                    .append(UUID.randomUUID())
                    .append("\",\"type\":\"shot.fired\",\"at\":\"")
                    .append(now)
                    .append("\",\"data\":{\"weapon\":\"rifle\",\"x\":")
                    .append(i)
                    .append(",\"y\":42,\"hit\":true}}");
        }
        return b.append("]}").toString();
    }

    private static String send(
            HttpClient http, String url, @org.jspecify.annotations.Nullable String token, String body, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static long count(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from analytics_events")
                .query(Long.class)
                .single();
    }
}
