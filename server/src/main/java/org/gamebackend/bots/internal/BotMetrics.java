package org.gamebackend.bots.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Bot meters: {@code bots_decisions_total{game,source}} (inputs bots produced; source {@code local}, {@code remote} or
 * {@code fallback}), {@code bots_decision_latency_seconds{game,source}} (histogram: a local decision's compute time, a
 * remote one's round trip), {@code bots_deadline_misses_total{game}}, {@code bots_fallbacks_total{game,reason}}. The
 * remote client adds {@code bots_breaker_state{remote}}.
 */
public final class BotMetrics {

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, GameMeters> byGame = new ConcurrentHashMap<>();

    public BotMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public GameMeters of(String game) {
        return byGame.computeIfAbsent(game, g -> new GameMeters(registry, g));
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Meters of one game, built once so the tick path does no lookups. */
    public static final class GameMeters {
        private final MeterRegistry registry;
        private final String game;
        private final Counter localDecisions;
        private final Counter remoteDecisions;
        private final Counter fallbackDecisions;
        private final Timer localLatency;
        private final Timer remoteLatency;
        private final Counter deadlineMisses;
        private final ConcurrentHashMap<String, Counter> fallbacks = new ConcurrentHashMap<>();

        GameMeters(MeterRegistry registry, String game) {
            this.registry = registry;
            this.game = game;
            this.localDecisions = decisions("local");
            this.remoteDecisions = decisions("remote");
            this.fallbackDecisions = decisions("fallback");
            this.localLatency = latency("local", Duration.ofNanos(100), Duration.ofMillis(50));
            this.remoteLatency = latency("remote", Duration.ofMillis(1).dividedBy(10), Duration.ofSeconds(2));
            this.deadlineMisses = Counter.builder("bots.deadline.misses")
                    .description("remote decisions that had not arrived by their deadline")
                    .tag("game", game)
                    .register(registry);
        }

        private Counter decisions(String source) {
            return Counter.builder("bots.decisions")
                    .description("inputs bots produced, by where the decision came from")
                    .tag("game", game)
                    .tag("source", source)
                    .register(registry);
        }

        private Timer latency(String source, Duration min, Duration max) {
            return Timer.builder("bots.decision.latency")
                    .description("a local decision's compute time; a remote decision's round trip")
                    .tag("game", game)
                    .tag("source", source)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(min)
                    .maximumExpectedValue(max)
                    .register(registry);
        }

        void local(long nanos, boolean produced) {
            localLatency.record(nanos, TimeUnit.NANOSECONDS);
            if (produced) {
                localDecisions.increment();
            }
        }

        public void remote(long nanos) {
            remoteLatency.record(nanos, TimeUnit.NANOSECONDS);
        }

        public void remoteDecision() {
            remoteDecisions.increment();
        }

        public void deadlineMissed() {
            deadlineMisses.increment();
        }

        /** A rule-based decision stood in for a remote one; {@code reason}: deadline, breaker_open, error, illegal. */
        public void fallback(String reason, boolean produced) {
            fallbacks
                    .computeIfAbsent(
                            reason,
                            r -> Counter.builder("bots.fallbacks")
                                    .description("rule-based decisions made in place of a remote one, by why")
                                    .tag("game", game)
                                    .tag("reason", r)
                                    .register(registry))
                    .increment();
            if (produced) {
                fallbackDecisions.increment();
            }
        }
    }
}
