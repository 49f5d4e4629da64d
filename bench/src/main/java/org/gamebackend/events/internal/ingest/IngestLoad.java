package org.gamebackend.events.internal.ingest;

import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.gamebackend.GameBackendApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Client events ingested end to end into PostgreSQL per second, sustained, on the real server in this JVM.
 *
 * <p>{@code EVENTS SENDERS MODE [WARMUP_SECONDS]}: SENDERS players (one HTTP sender each, over real HTTP) post batches
 * of 100 events to {@code POST /api/v1/events}, first for WARMUP_SECONDS (default 20: the JIT compiles the path, which
 * takes most of a core for the first ~20 s) and then until EVENTS more were accepted; the bench waits until {@code
 * analytics_events} holds every accepted event, warm-up's included (counted). The sustained rate is the measured
 * events divided by the time from the end of the warm-up to the last row stored, so a backlog left by the warm-up only
 * lowers it. MODE {@code standalone}: embedded PostgreSQL, written in the request; {@code connected}: a fresh database
 * on 127.0.0.1:5432 and this machine's RabbitMQ, through the ingest queue and the batching consumers. MODE {@code
 * connected-restart}: as connected, against the bench's own RabbitMQ node ({@code bench/scripts/own-rabbit.sh}, port
 * 5698), which is stopped and started again once a third of the measured events were accepted; senders send a refused
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
        long warmup = args.length > 3 ? Long.parseLong(args[3]) : 20;
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
            run(ctx, events, senders, restart, warmup);
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

    private static void run(
            ConfigurableApplicationContext ctx, long events, int senders, boolean restart, long warmupSeconds)
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
        Senders warm = new Senders(http, base, tokens, restart);
        System.out.printf("warming up for %d s%n", warmupSeconds);
        warm.run(Long.MAX_VALUE, System.nanoTime() + warmupSeconds * 1_000_000_000L, false);
        long t0 = System.nanoTime();
        Senders measured = new Senders(http, base, tokens, restart);
        Thread progress = Thread.ofPlatform()
                .daemon()
                .name("progress")
                .start(() -> progress(ctx.getBean(MeterRegistry.class), measured, t0));
        measured.run(events, Long.MAX_VALUE, restart);
        long accepted = warm.accepted.get() + measured.accepted.get();
        double posted = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "warm-up accepted %d events; then %d events accepted in %.2f s (%.0f/s over HTTP)%n",
                warm.accepted.get(), measured.accepted.get(), posted, measured.accepted.get() / posted);
        long stored;
        while ((stored = count(jdbc) - before) < accepted && System.nanoTime() - t0 < 600e9) {
            Thread.sleep(20);
        }
        double total = (System.nanoTime() - t0) / 1e9;
        progress.interrupt();
        System.out.printf(
                "stored %d of %d accepted events (%d lost); sustained %.0f events/s end to end (%d events in %.2f s"
                        + " after the warm-up)%s%n",
                stored,
                accepted,
                accepted - stored,
                measured.accepted.get() / total,
                measured.accepted.get(),
                total,
                restart
                        ? " (" + measured.refused.get() + " batches refused while the broker was down, sent again)"
                        : "");
    }

    /**
     * Every two seconds of the measured phase: events accepted and newly stored in that interval (the server's own
     * {@code events_ingested} counter, so watching costs the database nothing) — where a broker restart shows.
     */
    private static void progress(MeterRegistry meters, Senders measured, long t0) {
        long lastAccepted = 0;
        double lastStored = ingested(meters);
        try {
            while (true) {
                Thread.sleep(2_000);
                long accepted = measured.accepted.get();
                double stored = ingested(meters);
                System.out.printf(
                        "  %5.1f s: accepted %,7.0f/s  stored %,7.0f/s%n",
                        (System.nanoTime() - t0) / 1e9, (accepted - lastAccepted) / 2.0, (stored - lastStored) / 2.0);
                lastAccepted = accepted;
                lastStored = stored;
            }
        } catch (InterruptedException e) {
            // the run is over
        }
    }

    private static double ingested(MeterRegistry meters) {
        return meters.find("events_ingested").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    /** SENDERS virtual threads posting batches until enough events were accepted or a deadline passed. */
    private record Senders(
            HttpClient http, String base, List<String> tokens, boolean retry, AtomicLong accepted, AtomicLong refused) {

        Senders(HttpClient http, String base, List<String> tokens, boolean retry) {
            this(http, base, tokens, retry, new AtomicLong(), new AtomicLong());
        }

        void run(long events, long deadline, boolean restartBroker) throws Exception {
            AtomicLong claimed = new AtomicLong();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> work = new ArrayList<>();
                for (String token : tokens) {
                    work.add(pool.submit(() -> {
                        while (System.nanoTime() < deadline && claimed.getAndAdd(BATCH) < events) {
                            String batch = batch();
                            while (retry && post(http, base + "/events", token, batch) == 503) {
                                refused.incrementAndGet(); // the broker is down: the same batch again, a little later
                                Thread.sleep(100);
                            }
                            if (!retry) {
                                send(http, base + "/events", token, batch, 202);
                            }
                            accepted.addAndGet(BATCH);
                        }
                        return null;
                    }));
                }
                if (restartBroker) {
                    work.add(pool.submit(() -> {
                        while (accepted.get() < events / 3) {
                            Thread.sleep(10);
                        }
                        long down = System.nanoTime();
                        System.out.printf("restarting the broker after %d events were accepted%n", accepted.get());
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
        }
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
                    .append(randomUuid())
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

    /** A version 4 UUID from a fast generator: {@code UUID.randomUUID()}'s SecureRandom is load-generator cost. */
    private static UUID randomUuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    private static long count(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from analytics_events where source = 'client'")
                .query(Long.class)
                .single();
    }
}
