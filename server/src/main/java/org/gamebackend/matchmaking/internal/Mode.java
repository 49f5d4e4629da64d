package org.gamebackend.matchmaking.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gamebackend.engine.GameSpec;
import org.gamebackend.matchmaking.internal.MatchmakingProperties.ModeProperties;

/**
 * A validated matchmaking mode, with times in milliseconds for the pairing loop.
 *
 * @param regions where the mode is played
 */
public record Mode(
        String name,
        String game,
        int teams,
        int teamSize,
        boolean ranked,
        Set<String> regions,
        double windowStart,
        double widenPerSecond,
        double windowMax,
        long fallbackAfterMillis,
        int maxLatency,
        boolean bots,
        long botsAfterMillis,
        int minHumans,
        long ticketTtlMillis) {

    public Mode {
        // in the configured order: the first is the default region
        regions = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(regions));
    }

    /** Players in one match. */
    public int seats() {
        return teams * teamSize;
    }

    /** The largest party this mode takes: a whole team, or in a free-for-all all seats but one. */
    public int maxPartySize() {
        return teamSize == 1 ? seats() - 1 : teamSize;
    }

    /** The rating window of a ticket that has waited {@code waitedMillis}. */
    public double window(long waitedMillis) {
        return Math.min(windowMax, windowStart + widenPerSecond * (waitedMillis / 1000.0));
    }

    /**
     * The other regions a ticket is offered to once it has waited long enough: those it reported a latency of at most
     * {@code maxLatency} to. Empty before the fallback delay, when fallback is off, or without latencies.
     */
    java.util.List<String> fallbackRegions(Ticket t, long now) {
        if (fallbackAfterMillis <= 0 || now - t.queuedAt < fallbackAfterMillis) {
            return java.util.List.of();
        }
        return regions.stream()
                .filter(r -> !r.equals(t.region))
                .filter(r -> t.latencies.getOrDefault(r, Integer.MAX_VALUE) <= maxLatency)
                .toList();
    }

    /** Checks one configured mode against its game and the server's regions; every problem is named. */
    static Mode of(String name, ModeProperties p, GameSpec game, List<String> serverRegions) {
        List<String> problems = new ArrayList<>();
        if (!name.matches("[a-z][a-z0-9-]{1,31}")) {
            problems.add("the name must be 2-32 of a-z, 0-9, '-'");
        }
        if (p.teams() < 1 || p.teamSize() < 1) {
            problems.add("teams and team-size must be at least 1");
        }
        int seats = p.teams() * p.teamSize();
        if (seats < 2 || seats < game.minSeats() || seats > game.maxSeats()) {
            problems.add("teams x team-size = " + seats + " seats, but " + game.name() + " takes " + game.minSeats()
                    + " to " + game.maxSeats() + " (and a match needs 2)");
        }
        List<String> regions = p.regions().isEmpty() ? serverRegions : p.regions();
        for (String r : regions) {
            if (!serverRegions.contains(r)) {
                problems.add("region " + r + " is not one of game.regions " + serverRegions);
            }
        }
        var w = p.window();
        if (w.start() < 0 || w.widenPerSecond() < 0 || w.max() < w.start()) {
            problems.add("window needs 0 <= start <= max and widen-per-second >= 0");
        }
        if (p.regionFallback().after().isNegative() || p.regionFallback().maxLatency() < 0) {
            problems.add("region-fallback after and max-latency must not be negative");
        }
        var b = p.bots();
        if (b.after().isNegative() || b.minHumans() < 1 || b.minHumans() > seats) {
            problems.add("bots need after >= 0 and 1 <= min-humans <= seats");
        }
        if (p.ticketTtl().toMillis() < 1000) {
            problems.add("ticket-ttl must be at least 1s");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "game.matchmaking.modes." + name + " is invalid: " + String.join("; ", problems));
        }
        return new Mode(
                name,
                p.game(),
                p.teams(),
                p.teamSize(),
                p.ranked(),
                new java.util.LinkedHashSet<>(regions),
                w.start(),
                w.widenPerSecond(),
                w.max(),
                p.regionFallback().after().toMillis(),
                p.regionFallback().maxLatency(),
                b.enabled(),
                b.after().toMillis(),
                b.minHumans(),
                p.ticketTtl().toMillis());
    }
}
