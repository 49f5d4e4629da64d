package org.gamebackend.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a match ended.
 *
 * @param status {@code finished} (the game decided), {@code aborted} (crashed too often, or an operator stopped it)
 * @param data the game's own result, e.g. {@code {winner, reason}}; sent to clients as {@code match_end}
 */
public record MatchResult(String status, Map<String, @Nullable Object> data) {

    public static final String FINISHED = "finished";
    public static final String ABORTED = "aborted";

    /** Keeps the game's key order and its nulls (a draw's {@code winner} is null). */
    public static MatchResult finished(Map<String, ? extends @Nullable Object> data) {
        return new MatchResult(FINISHED, Collections.unmodifiableMap(new LinkedHashMap<>(data)));
    }

    public static MatchResult aborted(String reason) {
        return new MatchResult(ABORTED, Map.of("reason", reason));
    }
}
