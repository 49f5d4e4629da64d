package org.gamebackend.matchmaking.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Tallies what the matchmaker made: waits, spreads, team imbalance, bots; overall, per home region, per rating band. */
final class MatchOutcomes implements BenchMatchmaker.Outcomes {

    /** Rating bands for the outliers' view: the middle is the N(1500, 300) population's mean ± 2 sd. */
    private static final double LOW = 900;

    private static final double HIGH = 2100;

    /** Waits and bot share of one slice of the tickets. */
    static final class Slice {
        final Histogram waitMillis = new Histogram(3);
        long abroad;
        long withBots;
        long expired;
    }

    final Slice all = new Slice();
    final Map<String, Slice> byRegion = new LinkedHashMap<>();
    final Map<String, Slice> byBand = new LinkedHashMap<>();
    final Histogram spread = new Histogram(3);
    final Histogram imbalance = new Histogram(3);
    /** Waits since the caller last reset it (progress lines). */
    final Histogram recentWait = new Histogram(3);

    long matches;
    long matchesWithBots;
    long seats;
    long botSeats;
    long players;

    /** @param regions the home regions, in the order to report them */
    MatchOutcomes(List<String> regions) {
        for (String region : regions) {
            byRegion.put(region, new Slice());
        }
        for (String band : new String[] {"< 900", "900-2100", ">= 2100"}) {
            byBand.put(band, new Slice());
        }
    }

    @Override
    public void matched(Proposal p, long now) {
        int bots = p.bots();
        matches++;
        matchesWithBots += bots > 0 ? 1 : 0;
        seats += p.seats().size();
        botSeats += bots;
        spread.recordValue(Math.round(p.spread()));
        imbalance.recordValue(Math.round(p.imbalance()));
        for (Ticket t : p.tickets()) {
            players += t.size();
            boolean abroad = !t.region.equals(p.region());
            for (Slice s : slices(t)) {
                s.waitMillis.recordValue(now - t.queuedAt);
                s.abroad += abroad ? 1 : 0;
                s.withBots += bots > 0 ? 1 : 0;
            }
            recentWait.recordValue(now - t.queuedAt);
        }
    }

    @Override
    public void expired(Ticket t, long now) {
        for (Slice s : slices(t)) {
            s.expired++;
        }
    }

    long matchedTickets() {
        return all.waitMillis.getTotalCount();
    }

    long expiredTickets() {
        return all.expired;
    }

    private Slice[] slices(Ticket t) {
        String band = t.rating < LOW ? "< 900" : t.rating >= HIGH ? ">= 2100" : "900-2100";
        return new Slice[] {all, byRegion.computeIfAbsent(t.region, r -> new Slice()), byBand.get(band)};
    }

    void print(PrintStream out, long tickets, long waitingAtEnd) {
        Histogram w = all.waitMillis;
        out.printf(
                Locale.ROOT,
                "tickets: %d in, %d matched (%d players), %d expired, %d still waiting at the end%n",
                tickets,
                matchedTickets(),
                players,
                all.expired,
                waitingAtEnd);
        out.printf(
                Locale.ROOT,
                "matches: %d; with bots %.1f %% of matches, bots %.1f %% of seats%n",
                matches,
                percent(matchesWithBots, matches),
                percent(botSeats, seats));
        out.printf(
                Locale.ROOT,
                "wait s (matched tickets): p50 %s p90 %s p99 %s max %s%n",
                seconds(w, 50),
                seconds(w, 90),
                seconds(w, 99),
                seconds(w, 100));
        out.printf(
                Locale.ROOT,
                "rating spread: p50 %d p90 %d p99 %d max %d; team imbalance (sum of ratings): p50 %d p99 %d max %d%n",
                spread.getValueAtPercentile(50),
                spread.getValueAtPercentile(90),
                spread.getValueAtPercentile(99),
                spread.getMaxValue(),
                imbalance.getValueAtPercentile(50),
                imbalance.getValueAtPercentile(99),
                imbalance.getMaxValue());
        out.printf(
                Locale.ROOT,
                "matched abroad (region fallback): %.1f %% of matched tickets%n",
                percent(all.abroad, matchedTickets()));
        table(out, "home region", byRegion);
        table(out, "rating", byBand);
    }

    private static void table(PrintStream out, String title, Map<String, Slice> slices) {
        out.printf(
                Locale.ROOT,
                "  %-12s %8s %8s %7s %7s %7s %8s %8s%n",
                title,
                "matched",
                "expired",
                "p50 s",
                "p90 s",
                "p99 s",
                "abroad",
                "w/ bots");
        slices.forEach((name, s) -> out.printf(
                Locale.ROOT,
                "  %-12s %8d %8d %7s %7s %7s %7.1f%% %7.1f%%%n",
                name,
                s.waitMillis.getTotalCount(),
                s.expired,
                seconds(s.waitMillis, 50),
                seconds(s.waitMillis, 90),
                seconds(s.waitMillis, 99),
                percent(s.abroad, s.waitMillis.getTotalCount()),
                percent(s.withBots, s.waitMillis.getTotalCount())));
    }

    static String seconds(Histogram h, double percentile) {
        if (h.getTotalCount() == 0) {
            return "-";
        }
        long ms = percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile);
        return String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }

    static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
