package org.gamebackend.engine;

import org.gamebackend.accounts.PlayerId;

/** A match was not started: one of its players already holds a seat in a running match (nobody plays two at once). */
public final class PlayerInMatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient PlayerId player;
    private final transient MatchId match;

    public PlayerInMatchException(PlayerId player, MatchId match) {
        super("player " + player + " is already in match " + match, null, false, false);
        this.player = player;
        this.match = match;
    }

    public PlayerId player() {
        return player;
    }

    public MatchId match() {
        return match;
    }
}
