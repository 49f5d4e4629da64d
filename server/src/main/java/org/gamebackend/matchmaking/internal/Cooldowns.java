package org.gamebackend.matchmaking.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gamebackend.accounts.PlayerId;

/** Players who may not queue for a while (they did not show up for their last match). Kept per node. */
final class Cooldowns {

    private final Map<PlayerId, Instant> until = new ConcurrentHashMap<>();

    void start(PlayerId player, Instant end) {
        until.merge(player, end, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** When the player's cool-down ends, if it has not ended at {@code now}. */
    Optional<Instant> of(PlayerId player, Instant now) {
        Instant end = until.get(player);
        if (end == null) {
            return Optional.empty();
        }
        if (!end.isAfter(now)) {
            until.remove(player, end);
            return Optional.empty();
        }
        return Optional.of(end);
    }
}
