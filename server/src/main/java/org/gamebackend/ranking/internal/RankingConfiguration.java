package org.gamebackend.ranking.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.gamebackend.accounts.Profiles;
import org.gamebackend.matchmaking.RankedModes;
import org.gamebackend.platform.cache.CacheSpec;
import org.gamebackend.ranking.internal.board.Leaderboard;
import org.gamebackend.ranking.internal.board.LocalLeaderboard;
import org.gamebackend.ranking.internal.board.RedisLeaderboard;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The ranking module's wiring; the one place that picks the leaderboard adapter (Redis when there is a client). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RankingProperties.class)
class RankingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RankingConfiguration.class);

    @Bean
    Leaderboard leaderboard(ObjectProvider<StringRedisTemplate> redis) {
        StringRedisTemplate template = redis.getIfAvailable();
        return template == null ? new LocalLeaderboard() : new RedisLeaderboard(template);
    }

    @Bean
    RatingSystems ratingSystems(RankingProperties props, RankedModes modes) {
        return new RatingSystems(props, modes);
    }

    @Bean
    Seasons seasons(RankingProperties props, JdbcClient jdbc, Clock clock) {
        return new Seasons(props, jdbc, clock);
    }

    @Bean
    Boards boards(Leaderboard leaderboard, JdbcClient jdbc, Seasons seasons) {
        return new Boards(leaderboard, jdbc, seasons);
    }

    @Bean
    RatingApplier ratingApplier(
            JdbcClient jdbc,
            TransactionTemplate tx,
            JsonMapper json,
            RatingSystems systems,
            Seasons seasons,
            Profiles profiles,
            ApplicationEventPublisher events,
            Clock clock,
            RankingProperties props) {
        return new RatingApplier(jdbc, tx, json, systems, seasons, profiles, events, clock, props);
    }

    @Bean
    RatingQueue ratingQueue(
            JdbcClient jdbc, JsonMapper json, JobScheduler scheduler, Clock clock, MeterRegistry meters) {
        RatingQueue queue = new RatingQueue(jdbc, json, scheduler, clock);
        Gauge.builder("ranking_matches_waiting", queue, q -> q.depth(false))
                .description("Finished matches waiting for their rating job")
                .register(meters);
        Gauge.builder("ranking_matches_given_up", queue, q -> q.depth(true))
                .description("Finished matches whose rating failed too often; they stay queued for an operator")
                .register(meters);
        return queue;
    }

    @Bean
    SeasonRollover seasonRollover(
            JdbcClient jdbc,
            JdbcTemplate batch,
            TransactionTemplate tx,
            Seasons seasons,
            RatingSystems systems,
            Boards boards) {
        return new SeasonRollover(jdbc, batch, tx, seasons, systems, boards);
    }

    @Bean
    IdleDeviation idleDeviation(
            JdbcClient jdbc, JdbcTemplate batch, RatingSystems systems, Clock clock, RankingProperties props) {
        return new IdleDeviation(jdbc, batch, systems, clock, props);
    }

    @Bean
    @Primary
    StoredRatings storedRatings(JdbcClient jdbc) {
        return new StoredRatings(jdbc);
    }

    @Bean
    RatingJobs ratingJobs(
            RatingApplier applier,
            RatingQueue queue,
            Boards boards,
            SeasonRollover rollover,
            IdleDeviation idle,
            StoredRatings cache,
            BoardChanges changes,
            RankingProperties props) {
        return new RatingJobs(applier, queue, boards, rollover, idle, cache, changes, props.applyParallelism());
    }

    @Bean
    BoardChanges boardChanges() {
        return new BoardChanges();
    }

    @Bean
    RankingService rankingService(
            Boards boards,
            Seasons seasons,
            RatingSystems systems,
            JdbcClient jdbc,
            Profiles profiles,
            RankingProperties props,
            org.gamebackend.platform.GameProperties game,
            CacheManager caches) {
        return new RankingService(boards, seasons, systems, jdbc, profiles, props, game.regions(), caches);
    }

    @Bean
    CacheSpec leaderboardPagesCache() {
        return RankingService.pagesCache();
    }

    /** Boards that do not match {@code ratings} (always, in-process after a restart) are rebuilt off the start path. */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildBoards(ApplicationReadyEvent event) {
        if (!event.getApplicationContext()
                .getEnvironment()
                .getProperty("game.command", "")
                .isBlank()) {
            return; // a one-shot command exits at once
        }
        Boards boards = event.getApplicationContext().getBean(Boards.class);
        Thread.ofVirtual().name("leaderboard-rebuild").start(() -> {
            try {
                boards.rebuildStale();
            } catch (RuntimeException e) {
                log.warn("Rebuilding the leaderboards failed; the nightly job will try again", e);
            }
        });
    }
}
