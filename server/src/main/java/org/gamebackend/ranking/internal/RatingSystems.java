package org.gamebackend.ranking.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gamebackend.matchmaking.RankedModes;
import org.gamebackend.ranking.internal.rating.Elo;
import org.gamebackend.ranking.internal.rating.Glicko2;
import org.gamebackend.ranking.internal.rating.OpenSkill;
import org.gamebackend.ranking.internal.rating.RatingSystem;

/** The rating system of each ranked mode: configured, or Glicko-2 for two sides and OpenSkill for more. */
final class RatingSystems {

    static final String ELO = "elo";
    static final String GLICKO2 = "glicko2";
    static final String OPENSKILL = "openskill";

    private final RankingProperties props;
    private final RankedModes modes;
    private final Map<String, RatingSystem> byMode = new ConcurrentHashMap<>();

    RatingSystems(RankingProperties props, RankedModes modes) {
        this.props = props;
        this.modes = modes;
    }

    static void check(String mode, String system) {
        if (!system.equals(ELO) && !system.equals(GLICKO2) && !system.equals(OPENSKILL)) {
            throw new IllegalArgumentException("game.ranking.systems." + mode + " is '" + system + "': use " + ELO
                    + ", " + GLICKO2 + " or " + OPENSKILL);
        }
    }

    boolean ranked(String mode) {
        return modes.ranked(mode);
    }

    boolean rankedWithBots(String mode) {
        return modes.rankedWithBots(mode);
    }

    RatingSystem of(String mode) {
        return byMode.computeIfAbsent(mode, m -> create(nameOf(m)));
    }

    String nameOf(String mode) {
        String configured = props.systems().get(mode);
        if (configured != null) {
            return configured;
        }
        return modes.sides(mode) > 2 ? OPENSKILL : GLICKO2;
    }

    private RatingSystem create(String name) {
        return switch (name) {
            case ELO ->
                new Elo(
                        1500,
                        props.elo().k(),
                        props.elo().provisionalK(),
                        props.elo().provisionalGames());
            case OPENSKILL -> OpenSkill.scaled(1500);
            default -> new Glicko2(1500, 350, 0.06, props.glicko2Tau());
        };
    }
}
