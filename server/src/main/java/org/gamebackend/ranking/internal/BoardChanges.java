package org.gamebackend.ranking.internal;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Which modes' boards changed on this node, for GraphQL's {@code leaderboardChanged}: the rating jobs report each
 * mode after they put its new ratings on the boards. Subscribers that are slow simply miss names (they re-read the
 * board on the next one anyway).
 */
public final class BoardChanges {

    private final Sinks.Many<String> modes = Sinks.many().multicast().directBestEffort();

    /** Rating jobs run in parallel: emissions are serialized here. */
    synchronized void changed(String mode) {
        modes.tryEmitNext(mode);
    }

    /** The names of changed boards of {@code mode}, as they happen. */
    public Flux<String> of(String mode) {
        return modes.asFlux().filter(mode::equals);
    }
}
