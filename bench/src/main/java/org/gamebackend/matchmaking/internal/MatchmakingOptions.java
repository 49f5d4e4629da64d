package org.gamebackend.matchmaking.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gamebackend.engine.GameSpec;
import org.gamebackend.matchmaking.internal.MatchmakingProperties.Bots;
import org.gamebackend.matchmaking.internal.MatchmakingProperties.Fallback;
import org.gamebackend.matchmaking.internal.MatchmakingProperties.ModeProperties;
import org.gamebackend.matchmaking.internal.MatchmakingProperties.Window;

/**
 * {@code --name value} options of the matchmaking benchmarks: the mode's shape and tuning (defaults = the server's
 * defaults in {@link MatchmakingProperties}), plus each tool's own options. Times are in seconds.
 */
final class MatchmakingOptions {

    private static final Map<String, String> MODE_DEFAULTS = defaults(
            "teams", "2",
            "team-size", "1",
            "window-start", "100",
            "widen", "10",
            "window-max", "400",
            "bots-after", "30",
            "min-humans", "1",
            "fallback-after", "15",
            "fallback-ceiling", "120",
            "ttl", "300",
            "interval", "1",
            "min-pass-gap", String.valueOf(Matchmaker.MIN_PASS_GAP_MS / 1000.0));

    static final String MODE_USAGE = """
              --teams N --team-size N          match shape (2 x 1)
              --window-start R --widen R/s --window-max R   rating window (100, 10, 400)
              --bots-after S|off --min-humans N bot fill (30, 1)
              --fallback-after S|0 --fallback-ceiling MS     region fallback (15, 120; 0 turns it off)
              --ttl S                           ticket lifetime (300)
              --interval S                      pass interval (1)
              --min-pass-gap S                  at least this between a pool's passes for new arrivals (0.1, as the
                                                server; 0 = a pass after every add to a pool that can fill)""";

    private final Map<String, String> values;
    private final List<String> positional;

    private MatchmakingOptions(Map<String, String> values, List<String> positional) {
        this.values = values;
        this.positional = positional;
    }

    /**
     * @param own the tool's own options and their defaults
     * @throws IllegalArgumentException on an unknown option or one without a value
     */
    static MatchmakingOptions parse(String[] args, Map<String, String> own) {
        Map<String, String> values = new LinkedHashMap<>(MODE_DEFAULTS);
        values.putAll(own);
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                positional.add(args[i]);
                continue;
            }
            String name = args[i].substring(2);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            values.put(name, args[++i]);
        }
        return new MatchmakingOptions(values, positional);
    }

    List<String> positional() {
        return positional;
    }

    String text(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no option --" + name);
        }
        return value;
    }

    double number(String name) {
        return Double.parseDouble(text(name));
    }

    int integer(String name) {
        return Integer.parseInt(text(name));
    }

    long millis(String name) {
        return Math.round(number(name) * 1000);
    }

    /** The mode these options describe, validated the way the server validates its configured modes. */
    Mode mode(List<String> regions) {
        int seats = integer("teams") * integer("team-size");
        boolean bots = !text("bots-after").equals("off");
        ModeProperties p = new ModeProperties(
                "bench",
                integer("teams"),
                integer("team-size"),
                true,
                regions,
                new Window(number("window-start"), number("widen"), number("window-max")),
                new Fallback(Duration.ofMillis(millis("fallback-after")), integer("fallback-ceiling")),
                new Bots(bots, Duration.ofMillis(bots ? millis("bots-after") : 0), integer("min-humans"), false),
                Duration.ofMillis(millis("ttl")));
        return Mode.of("bench", p, new GameSpec("bench", 1, 1, Math.min(seats, 64), Math.min(seats, 64)), regions);
    }

    long intervalMillis() {
        long interval = millis("interval");
        if (interval < 1) {
            throw new IllegalArgumentException("--interval must be at least 0.001 s");
        }
        return interval;
    }

    /** The server's {@code Matchmaker.MIN_PASS_GAP_MS} unless set: how often arrivals may trigger a pool's pass. */
    long minPassGapMillis() {
        long gap = millis("min-pass-gap");
        if (gap < 0) {
            throw new IllegalArgumentException("--min-pass-gap must not be negative");
        }
        return gap;
    }

    /** One line naming every setting, for the report. */
    String describe(Mode m) {
        return String.format(
                Locale.ROOT,
                "%d teams x %d; window %s +%s/s max %s; bots %s; fallback %s; ttl %d s; pass every %s s,"
                        + " for arrivals at most every %s s",
                m.teams(),
                m.teamSize(),
                text("window-start"),
                text("widen"),
                text("window-max"),
                m.bots() ? "after " + text("bots-after") + " s (min " + m.minHumans() + " humans)" : "off",
                m.fallbackAfterMillis() == 0
                        ? "off"
                        : "after " + text("fallback-after") + " s to regions <= " + m.maxLatency() + " ms",
                m.ticketTtlMillis() / 1000,
                text("interval"),
                text("min-pass-gap"));
    }

    private static Map<String, String> defaults(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
