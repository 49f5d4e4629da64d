package org.gamebackend.engine;

/**
 * A match failed: a hook threw, or its ticks overran repeatedly. Published for every failure, whether the match was
 * restarted from its last snapshot or ended as aborted.
 */
public record MatchCrashed(MatchId matchId, String game, long tick, String error, boolean restarted) {}
