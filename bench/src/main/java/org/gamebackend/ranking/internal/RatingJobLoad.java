package org.gamebackend.ranking.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.gamebackend.GameBackendApplication;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchFinished;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchResult;
import org.gamebackend.engine.Seat;
import org.jobrunr.server.BackgroundJobServer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rating jobs applied per second, on the real server (standalone: embedded PostgreSQL, JobRunr) in this JVM.
 *
 * <p>{@code MATCHES PLAYERS MODE [PARALLELISM]}: finishes MATCHES ranked 1v1 tic-tac-toe matches between random players out
 * of PLAYERS, each published the way the engine does (MatchFinished inside its own transaction, 4 publishing threads),
 * then waits until every one is rated. MODE {@code jobrunr}: JobRunr's job server (paused while publishing, resumed
 * after) runs the batch jobs, each applying PARALLELISM matches at a time; {@code direct}: JobRunr's server is off and
 * PARALLELISM threads call {@code applyRating} per match — the rating transactions without JobRunr.
 */
public final class RatingJobLoad {

    public static void main(String[] args) throws Exception {
        int matches = Integer.parseInt(args[0]);
        int players = Integer.parseInt(args[1]);
        boolean direct = args[2].equals("direct");
        int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        String dataDir = "bench/target/run/ratings-" + System.currentTimeMillis();
        ConfigurableApplicationContext ctx = new SpringApplication(GameBackendApplication.class)
                .run(
                        "--server.port=0",
                        "--game.data-dir=" + dataDir,
                        "--game.embedded-postgres.port=0",
                        "--game.security.jwt.secret=bench-secret-that-is-longer-than-32-bytes-0123456789",
                        "--jobrunr.background-job-server.enabled=" + !direct,
                        "--game.ranking.apply-parallelism=" + parallelism,
                        "--spring.datasource.hikari.maximum-pool-size=" + (parallelism + 8),
                        "--logging.level.org.gamebackend=WARN");
        try {
            run(ctx, matches, players, direct, parallelism);
        } finally {
            ctx.close();
        }
    }

    private static void run(
            ConfigurableApplicationContext ctx, int matches, int players, boolean direct, int parallelism)
            throws Exception {
        ApplicationEventPublisher events = ctx;
        TransactionTemplate tx = ctx.getBean(TransactionTemplate.class);
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        RatingJobs jobs = ctx.getBean(RatingJobs.class);
        PlayerId[] pool = new PlayerId[players];
        for (int i = 0; i < players; i++) {
            pool[i] = new PlayerId(UUID.randomUUID());
        }
        List<UUID> ids = new ArrayList<>();
        // ratings wait until everything is published, so the two are measured apart
        @Nullable BackgroundJobServer server = direct ? null : ctx.getBean(BackgroundJobServer.class);
        if (server != null) {
            server.pauseProcessing();
        }
        long t0 = System.nanoTime();
        try (ExecutorService publishers = Executors.newFixedThreadPool(4)) {
            List<Future<UUID>> done = new ArrayList<>();
            for (int i = 0; i < matches; i++) {
                done.add(publishers.submit(() -> {
                    MatchFinished m = match(pool);
                    tx.executeWithoutResult(s -> events.publishEvent(m));
                    return m.matchId().value();
                }));
            }
            for (Future<UUID> f : done) {
                ids.add(f.get());
            }
        }
        double published = (System.nanoTime() - t0) / 1e9;
        System.out.printf("published %d matches in %.2f s (%.0f/s)%n", matches, published, matches / published);
        long t1 = System.nanoTime();
        if (server != null) {
            server.resumeProcessing();
        }
        if (direct) {
            try (ExecutorService appliers = Executors.newFixedThreadPool(parallelism)) {
                ids.forEach(id -> appliers.submit(() -> jobs.applyRating(id)));
            }
        }
        long rated;
        long last = -1;
        while ((rated = count(jdbc)) < matches) {
            if (rated != last) {
                System.out.printf("  %.1f s: %d rated%n", (System.nanoTime() - t1) / 1e9, rated);
                last = rated;
            }
            Thread.sleep(200);
        }
        double applied = (System.nanoTime() - t1) / 1e9;
        double total = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "%s, %d at a time: %d matches rated %.2f s after the last was published: %.0f matches/s;"
                        + " end to end (publish + rate) %.0f matches/s%n",
                direct ? "direct" : "jobrunr", parallelism, matches, applied, matches / applied, matches / total);
    }

    private static long count(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from rated_matches").query(Long.class).single();
    }

    private static MatchFinished match(PlayerId[] pool) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int a = r.nextInt(pool.length);
        int b = (a + 1 + r.nextInt(pool.length - 1)) % pool.length;
        List<Seat> seats = List.of(new Seat(0, pool[a], false, 0), new Seat(1, pool[b], false, 1));
        Instant now = Instant.now();
        Map<String, @Nullable Object> result = new HashMap<>();
        boolean draw = r.nextInt(10) == 0;
        result.put(
                "winner", draw ? null : seats.get(r.nextInt(2)).player().value().toString());
        result.put("reason", draw ? "draw" : "line");
        return new MatchFinished(
                new MatchId(UUID.randomUUID()),
                "tictactoe",
                "tictactoe",
                seats,
                MatchResult.FINISHED,
                result,
                now.minusSeconds(60),
                now);
    }
}
