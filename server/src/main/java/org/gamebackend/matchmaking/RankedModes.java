package org.gamebackend.matchmaking;

/** Which configured modes count for ratings, for the ranking module. A mode that is not configured is not ranked. */
public interface RankedModes {

    boolean ranked(String mode);

    /**
     * Whether a match of a ranked mode in which bots held seats still changes the players' ratings ({@code
     * bots.ranked}, off by default: a win over a bot says little about a player's skill).
     */
    default boolean rankedWithBots(String mode) {
        return false;
    }

    /** How many sides (teams) a match of the mode has; 0 when the mode is not configured. */
    int sides(String mode);
}
