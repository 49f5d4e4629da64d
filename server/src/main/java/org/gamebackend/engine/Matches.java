package org.gamebackend.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gamebackend.accounts.PlayerId;

/** Creating and looking up matches: what matchmaking, the REST API and operators use. */
public interface Matches {

    /** Starts a match on a tick worker and returns at once. Fails for an unknown game or a wrong seat count. */
    MatchId create(MatchRequest request);

    Optional<MatchSummary> find(MatchId id);

    /** The matches of {@code ids} that exist, running ones from memory and the rest in one query; unknown ids are left out. */
    Map<MatchId, MatchSummary> findAll(Collection<MatchId> ids);

    /** Matches running on this node. */
    List<MatchSummary> running();

    /** The running match a player (not a bot) holds a seat in on this node. */
    Optional<MatchId> activeMatchOf(PlayerId player);

    /**
     * The players of a running match who have joined its topic at least once (all of them for a match resumed after
     * a restart); empty when the match is not running here. Matchmaking uses it to find no-shows.
     */
    Set<PlayerId> arrived(MatchId id);

    /**
     * Seats a new player in a seat whose player has left for good (backfill): true once the match has done it (at its
     * next tick), false when the match is not running here, the seat is held, or the match did not answer within a
     * few seconds. Blocking: call it off the event loop.
     */
    boolean fillSeat(MatchId id, int seat, PlayerId player);

    /** Ends a running match as aborted; false when it is not running here. */
    boolean terminate(MatchId id, String reason);
}
