package org.gamebackend.engine;

import java.util.Map;

/**
 * How a match ended.
 *
 * @param status {@code finished} (the game decided), {@code aborted} (crashed too often, or an operator stopped it)
 * @param data the game's own result, e.g. {@code {winner, reason}}; sent to clients as {@code match_end}
 */
public record MatchResult(String status, Map<String, Object> data) {

    public static final String FINISHED = "finished";
    public static final String ABORTED = "aborted";

    public static MatchResult finished(Map<String, Object> data) {
        return new MatchResult(FINISHED, Map.copyOf(data));
    }

    public static MatchResult aborted(String reason) {
        return new MatchResult(ABORTED, Map.of("reason", reason));
    }
}
