package org.gamebackend.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A match as the API shows it.
 *
 * @param status {@code running}, {@code finished} or {@code aborted}
 * @param result the game's result once ended
 */
public record MatchSummary(
        MatchId id,
        String game,
        String mode,
        String status,
        List<Seat> seats,
        long tick,
        @Nullable Map<String, @Nullable Object> result,
        Instant startedAt,
        @Nullable Instant endedAt) {}
