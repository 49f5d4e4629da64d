package org.gamebackend.matchmaking.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Matchmaking's meters, named for what an operator asks: players waiting per queue, how long they wait, how good the
 * matches are, how often bots fill in and players fail to show.
 */
final class MatchmakingMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();
    private final Timer pass;

    MatchmakingMetrics(MeterRegistry registry, Collection<Mode> modes) {
        this.registry = registry;
        for (Mode mode : modes) {
            for (String region : mode.regions()) {
                AtomicInteger players = new AtomicInteger();
                waiting.put(key(mode.name(), region), players);
                Gauge.builder("matchmaking.players.waiting", players, AtomicInteger::get)
                        .description("players in searching tickets, by mode and home region")
                        .tag("mode", mode.name())
                        .tag("region", region)
                        .register(registry);
            }
        }
        this.pass = Timer.builder("matchmaking.pass")
                .description("one pairing pass over one pool")
                .publishPercentileHistogram()
                .register(registry);
    }

    Timer pass() {
        return pass;
    }

    void queued(Ticket t) {
        Counter.builder("matchmaking.join.queue.count")
                .description("tickets queued")
                .tag("mode", t.mode)
                .tag("region", t.region)
                .register(registry)
                .increment();
    }

    /** Players of a ticket start (+1) or stop (-1) waiting. */
    void waiting(Ticket t, int sign) {
        AtomicInteger players = waiting.get(key(t.mode, t.region));
        if (players != null) {
            players.addAndGet(sign * t.size());
        }
    }

    void matched(Proposal p, long now) {
        String mode = p.mode().name();
        Timer wait = Timer.builder("matchmaking.wait")
                .description("time from queueing to a match, per ticket")
                .tag("mode", mode)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        p.tickets().stream()
                .filter(t -> t.backfill == null)
                .forEach(t -> wait.record(Duration.ofMillis(now - t.queuedAt)));
        DistributionSummary.builder("matchmaking.match.rating.spread")
                .description("highest minus lowest rating in a match")
                .tag("mode", mode)
                .serviceLevelObjectives(25, 50, 100, 200, 300, 400, 600, 800)
                .register(registry)
                .record(p.spread());
        DistributionSummary.builder("matchmaking.match.team.imbalance")
                .description("highest minus lowest team rating sum in a match")
                .tag("mode", mode)
                .serviceLevelObjectives(25, 50, 100, 200, 300, 400, 600, 800)
                .register(registry)
                .record(p.imbalance());
        if (p.bots() > 0) {
            Counter.builder("matchmaking.bot.fills")
                    .description("seats filled with bots")
                    .tag("mode", mode)
                    .register(registry)
                    .increment(p.bots());
        }
    }

    void backfill(String mode, String outcome) {
        Counter.builder("matchmaking.backfills")
                .description("backfill requests answered: filled, or match_gone")
                .tag("mode", mode)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    void noShows(String mode, int players) {
        Counter.builder("matchmaking.no.shows")
                .description("matched players who did not join their match in time")
                .tag("mode", mode)
                .register(registry)
                .increment(players);
    }

    void ended(String mode, String status) {
        Counter.builder("matchmaking.tickets.ended")
                .description("tickets that stopped searching, by how")
                .tag("mode", mode)
                .tag("status", status)
                .register(registry)
                .increment();
    }

    private static String key(String mode, String region) {
        return mode + '/' + region;
    }
}
