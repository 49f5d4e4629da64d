package org.gamebackend.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Published in the transaction that stores a match's result. Ranking, stats and analytics listen.
 *
 * @param mode the matchmaking mode the match was made for ({@code custom} for private matches)
 * @param status {@link MatchResult#FINISHED} or {@link MatchResult#ABORTED}
 * @param result the game's result data
 */
public record MatchFinished(
        MatchId matchId,
        String game,
        String mode,
        List<Seat> seats,
        String status,
        Map<String, @Nullable Object> result,
        Instant startedAt,
        Instant endedAt) {}
