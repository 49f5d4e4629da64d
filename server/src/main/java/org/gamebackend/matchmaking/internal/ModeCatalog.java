package org.gamebackend.matchmaking.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gamebackend.engine.Game;
import org.gamebackend.engine.GameSpec;
import org.gamebackend.matchmaking.RankedModes;

/** The configured modes, each checked against its game at start. */
public final class ModeCatalog implements RankedModes {

    /** A mode as clients see it. */
    public record ModeView(
            String name,
            String game,
            int teams,
            int teamSize,
            boolean ranked,
            List<String> regions,
            int maxPartySize) {}

    private final Map<String, Mode> modes;
    private final java.util.Set<String> rankedWithBots;

    ModeCatalog(MatchmakingProperties props, List<Game<?, ?>> games, List<String> serverRegions) {
        Map<String, GameSpec> specs = new LinkedHashMap<>();
        games.forEach(g -> specs.put(g.spec().name(), g.spec()));
        Map<String, Mode> byName = new LinkedHashMap<>();
        props.modes().forEach((name, p) -> {
            GameSpec spec = specs.get(p.game());
            if (spec == null) {
                throw new IllegalStateException("game.matchmaking.modes." + name + " plays game '" + p.game()
                        + "', which is not installed; games: " + specs.keySet());
            }
            byName.put(name, Mode.of(name, p, spec, serverRegions));
        });
        this.modes = Map.copyOf(byName);
        this.rankedWithBots = props.modes().entrySet().stream()
                .filter(e -> e.getValue().bots().ranked())
                .map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean rankedWithBots(String mode) {
        return ranked(mode) && rankedWithBots.contains(mode);
    }

    @Override
    public boolean ranked(String mode) {
        Mode m = modes.get(mode);
        return m != null && m.ranked();
    }

    @Override
    public int sides(String mode) {
        Mode m = modes.get(mode);
        return m == null ? 0 : m.teams();
    }

    Map<String, Mode> modes() {
        return modes;
    }

    public List<ModeView> views() {
        return modes.values().stream()
                .sorted(Comparator.comparing(Mode::name))
                .map(m -> new ModeView(
                        m.name(),
                        m.game(),
                        m.teams(),
                        m.teamSize(),
                        m.ranked(),
                        List.copyOf(m.regions()),
                        m.maxPartySize()))
                .toList();
    }
}
