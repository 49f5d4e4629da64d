package org.gamebackend.engine;

import java.util.List;
import java.util.Optional;

/** Creating and looking up matches: what matchmaking, the REST API and operators use. */
public interface Matches {

    /** Starts a match on a tick worker and returns at once. Fails for an unknown game or a wrong seat count. */
    MatchId create(MatchRequest request);

    Optional<MatchSummary> find(MatchId id);

    /** Matches running on this node. */
    List<MatchSummary> running();

    /** Ends a running match as aborted; false when it is not running here. */
    boolean terminate(MatchId id, String reason);
}
