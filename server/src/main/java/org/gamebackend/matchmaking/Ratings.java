package org.gamebackend.matchmaking;

import org.gamebackend.accounts.PlayerId;

/**
 * Where matchmaking reads a player's skill in a mode. The ranking module provides the real one (as a {@code @Primary}
 * bean); until a player has played, or without ranking, every player has {@link #DEFAULT}. Called off the event loop;
 * may block briefly (a cache or a query).
 */
public interface Ratings {

    /** The rating a new player starts with (Elo and Glicko-2 both use 1500). */
    double DEFAULT = 1500;

    double rating(PlayerId player, String mode);
}
