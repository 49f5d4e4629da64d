package org.gamebackend.ranking.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ranking settings ({@code game.ranking.*}); docs/ranking.md explains each.
 *
 * @param systems the rating system per mode ({@code elo}, {@code glicko2}, {@code openskill}); a ranked mode not named
 *     here gets Glicko-2 when two sides play and OpenSkill when more do
 * @param elo Elo's K factors
 * @param glicko2 Glicko-2's system constant
 * @param ratingPeriod Glicko-2's rating period: a player idle for a whole period sees the deviation grow once
 * @param season season length, when the first began, and how much of a rating carries into the next
 * @param leaderboard page sizes
 * @param applyParallelism how many matches a rating job applies at once (each in its own transaction)
 */
@ConfigurationProperties("game.ranking")
public record RankingProperties(
        @DefaultValue Map<String, String> systems,
        @DefaultValue EloProperties elo,
        @DefaultValue("0.5") double glicko2Tau,
        @DefaultValue("7d") Duration ratingPeriod,
        @DefaultValue SeasonProperties season,
        @DefaultValue LeaderboardProperties leaderboard,
        @DefaultValue("4") int applyParallelism) {

    public RankingProperties {
        if (ratingPeriod.isNegative() || ratingPeriod.isZero()) {
            throw new IllegalArgumentException("game.ranking.rating-period must be positive");
        }
        systems.forEach((mode, system) -> RatingSystems.check(mode, system));
        if (applyParallelism < 1) {
            throw new IllegalArgumentException("game.ranking.apply-parallelism must be at least 1");
        }
    }

    /**
     * @param k for established players
     * @param provisionalK for a player's first {@code provisionalGames}
     */
    public record EloProperties(
            @DefaultValue("20") double k,
            @DefaultValue("40") double provisionalK,
            @DefaultValue("30") int provisionalGames) {}

    /**
     * @param length how long a season lasts
     * @param start when season 1 began; season n runs from start + (n - 1) × length
     * @param carry how much of the distance from the initial rating a player keeps at rollover (0 = full reset, 1 =
     *     none)
     */
    public record SeasonProperties(
            @DefaultValue("90d") Duration length,
            @DefaultValue("2026-01-01T00:00:00Z") Instant start,
            @DefaultValue("0.5") double carry) {

        public SeasonProperties {
            if (length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("game.ranking.season.length must be positive");
            }
            if (carry < 0 || carry > 1) {
                throw new IllegalArgumentException("game.ranking.season.carry must be between 0 and 1");
            }
        }
    }

    /**
     * @param defaultLimit entries per page when the client names none
     * @param maxLimit the most a client may ask for
     * @param maxRadius the most entries either side of a player in "around"
     */
    public record LeaderboardProperties(
            @DefaultValue("50") int defaultLimit,
            @DefaultValue("100") int maxLimit,
            @DefaultValue("25") int maxRadius) {}
}
