package org.gamebackend.matchmaking.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays a ticket stream ({@link TicketStream}) through the real {@link Pool} and {@link Pairing} on a simulated
 * clock, as fast as the pairing runs, and reports waits, rating spreads, team imbalance, bot fill and what is left.
 * The matchmaker's loop around the pairing is {@link BenchMatchmaker}.
 *
 * <p>Usage: {@code MatchmakingSimulator STREAM.csv [mode options] [--progress S] [--drain S]}, or {@code
 * MatchmakingSimulator --generate N --out FILE [--day S] [--party-share F] [--seed N]} to write a synthetic stream.
 */
public final class MatchmakingSimulator {

    private static final String USAGE = """
            usage: MatchmakingSimulator STREAM.csv [options]
              --progress S                      a progress line every S simulated seconds (600; 0 = none)
              --drain S                         keep pairing S seconds after the last arrival (0)
            %s
                   MatchmakingSimulator --generate N --out FILE [--day S] [--party-share F] [--seed N]
              writes N synthetic tickets over S seconds (3600), one day compressed (see Population)""".formatted(MatchmakingOptions.MODE_USAGE);

    private MatchmakingSimulator() {}

    public static void main(String[] args) throws IOException {
        MatchmakingOptions o;
        try {
            o = MatchmakingOptions.parse(
                    args,
                    Map.of(
                            "progress", "600",
                            "drain", "0",
                            "generate", "0",
                            "out", "",
                            "day", "3600",
                            "party-share", "0.15",
                            "seed", "42"));
            if (o.integer("generate") > 0) {
                generate(o);
                return;
            }
            if (o.positional().size() != 1) {
                throw new IllegalArgumentException("give one stream file");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        TicketStream stream = TicketStream.read(Path.of(o.positional().getFirst()));
        Mode mode = o.mode(stream.regions());
        System.out.printf(
                Locale.ROOT,
                "stream: %s, %d tickets over %.1f min, regions %s%nmode: %s%n",
                o.positional().getFirst(),
                stream.tickets().size(),
                stream.durationMillis() / 60_000.0,
                stream.regions(),
                o.describe(mode));
        run(stream, mode, o);
    }

    private static void run(TicketStream stream, Mode mode, MatchmakingOptions o) {
        MatchOutcomes outcomes = new MatchOutcomes(stream.regions());
        BenchMatchmaker matchmaker =
                new BenchMatchmaker(mode, stream.regions(), o.intervalMillis(), o.minPassGapMillis(), 0, outcomes);
        List<StreamTicket> tickets = stream.tickets();
        long end = stream.durationMillis() + o.millis("drain");
        long progress = o.millis("progress");
        long nextProgress = progress > 0 ? progress : Long.MAX_VALUE;
        long wallStart = System.nanoTime();
        int next = 0;
        long refused = 0;
        while (true) {
            long arrival = next < tickets.size() ? tickets.get(next).arrivalMillis() : Long.MAX_VALUE;
            long now = Math.min(arrival, matchmaker.nextDue());
            if (now > end) {
                break;
            }
            for (; next < tickets.size() && tickets.get(next).arrivalMillis() == now; next++) {
                StreamTicket t = tickets.get(next);
                if (t.ratings().size() > mode.maxPartySize()) {
                    refused++; // the queue refuses parties bigger than the mode takes
                } else {
                    matchmaker.add(t.toTicket(next, mode.name(), now));
                }
            }
            matchmaker.advance(now);
            if (now >= nextProgress) {
                progressLine(now, next, outcomes, matchmaker);
                nextProgress += progress;
            }
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "simulated %.1f min in %.2f s wall; %d passes (%d immediate), CPU per pass us p50 %.1f p99 %.1f max"
                        + " %.1f%n",
                end / 60_000.0,
                wall,
                matchmaker.passes,
                matchmaker.immediatePasses,
                matchmaker.passCpuNanos.getValueAtPercentile(50) / 1e3,
                matchmaker.passCpuNanos.getValueAtPercentile(99) / 1e3,
                matchmaker.passCpuNanos.getMaxValue() / 1e3);
        if (refused > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "refused: %d tickets (party larger than the mode takes: %d)%n",
                    refused,
                    mode.maxPartySize());
        }
        outcomes.print(System.out, tickets.size() - refused, matchmaker.waiting());
    }

    private static void progressLine(long now, int arrived, MatchOutcomes outcomes, BenchMatchmaker matchmaker) {
        System.out.printf(
                Locale.ROOT,
                "[%02d:%02d:%02d] arrived %d, matched %d, expired %d, waiting %d; wait p90 since last line %s s;"
                        + " pools %s%n",
                now / 3_600_000,
                now / 60_000 % 60,
                now / 1000 % 60,
                arrived,
                outcomes.matchedTickets(),
                outcomes.expiredTickets(),
                matchmaker.waiting(),
                MatchOutcomes.seconds(outcomes.recentWait, 90),
                matchmaker.poolSizes());
        outcomes.recentWait.reset();
    }

    private static void generate(MatchmakingOptions o) throws IOException {
        if (o.text("out").isEmpty()) {
            throw new IllegalArgumentException("--generate needs --out FILE");
        }
        int count = o.integer("generate");
        TicketStream stream =
                TicketStream.generate(count, o.millis("day"), o.number("party-share"), Long.parseLong(o.text("seed")));
        String comment = String.format(
                Locale.ROOT,
                """
                Synthetic ticket stream (org.gamebackend.matchmaking.internal.Population), written by
                  MatchmakingSimulator --generate %d --day %s --party-share %s --seed %s --out ...
                One day compressed into %s s: each region busiest in its evening; ratings ~ N(1500, 300);
                %s of tickets are parties of two. Columns: see TicketStream.""",
                count,
                o.text("day"),
                o.text("party-share"),
                o.text("seed"),
                o.text("day"),
                o.text("party-share"));
        stream.write(Path.of(o.text("out")), comment);
        System.out.printf(Locale.ROOT, "wrote %d tickets to %s%n", count, o.text("out"));
    }
}
