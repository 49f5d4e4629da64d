package org.gamebackend.engine.internal;

import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;

/**
 * Where a match's messages go: the socket's {@code match:<id>} topic. A payload handed here is encoded once for all
 * its receivers. Implementations must not block: the caller is a tick worker.
 */
interface MatchOutlet {

    /** To every player and spectator of the match. */
    void broadcast(MatchId match, String event, Object payload);

    /** To one player only (all of that player's sockets joined to the match). */
    void toPlayer(MatchId match, PlayerId player, String event, Object payload);

    /** To the spectators only. */
    void toSpectators(MatchId match, String event, Object payload);

    /**
     * A seat changed hands (backfill): the channels {@code before} joined it with are closed, so the previous player
     * can neither play the seat nor, by dropping, touch its new player.
     */
    default void seatTaken(MatchId match, int seat, PlayerId before) {}
}
