package org.gamebackend.engine.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The engine's meters, named for what an operator asks: {@code game_tick_duration_seconds} and {@code
 * game_tick_lateness_seconds} (histograms, by game), {@code game_matches_running}, {@code
 * game_inputs_dropped_total}, {@code game_match_crashes_total}, {@code game_match_restarts_total}, {@code game_bot_failures_total},
 * {@code game_bot_inputs_rejected_total}.
 */
final class EngineMetrics {

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, GameMeters> byGame = new ConcurrentHashMap<>();

    EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    GameMeters of(String game) {
        return byGame.computeIfAbsent(game, (Function<String, GameMeters>) g -> new GameMeters(registry, g));
    }

    /** Pre-built meters of one game, so the tick path does no lookups. */
    static final class GameMeters {
        private final Timer tickDuration;
        private final Timer tickLateness;
        private final Counter inputsDropped;
        private final Counter crashes;
        private final Counter restarts;
        private final Counter botFailures;
        private final Counter botRejected;
        private final org.gamebackend.platform.Throttle botLog =
                new org.gamebackend.platform.Throttle(Duration.ofSeconds(10));

        GameMeters(MeterRegistry registry, String game) {
            this.tickDuration = Timer.builder("game.tick.duration")
                    .description("time one tick of one match takes")
                    .tag("game", game)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(1000))
                    .maximumExpectedValue(Duration.ofSeconds(1))
                    .register(registry);
            this.tickLateness = Timer.builder("game.tick.lateness")
                    .description("how late a tick started against its fixed-rate schedule")
                    .tag("game", game)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(1000))
                    .maximumExpectedValue(Duration.ofSeconds(1))
                    .register(registry);
            this.inputsDropped = Counter.builder("game.inputs.dropped")
                    .description("inputs refused because the match's queue was full")
                    .tag("game", game)
                    .register(registry);
            this.crashes = Counter.builder("game.match.crashes")
                    .description("game hooks that threw or ticks that overran repeatedly")
                    .tag("game", game)
                    .register(registry);
            this.restarts = Counter.builder("game.match.restarts")
                    .description("matches restarted from their last snapshot")
                    .tag("game", game)
                    .register(registry);
            this.botFailures = Counter.builder("game.bot.failures")
                    .description("bot decisions that threw or were not an input of the game (the bot skipped a tick)")
                    .tag("game", game)
                    .register(registry);
            this.botRejected = Counter.builder("game.bot.inputs.rejected")
                    .description("bot inputs the game refused")
                    .tag("game", game)
                    .register(registry);
        }

        void botFailed() {
            botFailures.increment();
        }

        void botRejected() {
            botRejected.increment();
        }

        /** At most one log line per game every 10 s about failing bots. */
        boolean shouldLogBotFailure() {
            return botLog.due();
        }

        void tick(long durationNanos, long latenessNanos) {
            tickDuration.record(durationNanos, TimeUnit.NANOSECONDS);
            tickLateness.record(Math.max(0, latenessNanos), TimeUnit.NANOSECONDS);
        }

        void inputDropped() {
            inputsDropped.increment();
        }

        void crashed(boolean restarted) {
            crashes.increment();
            if (restarted) {
                restarts.increment();
            }
        }
    }
}
