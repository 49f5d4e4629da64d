package org.gamebackend.matchmaking;

/** Which configured modes count for ratings, for the ranking module. A mode that is not configured is not ranked. */
public interface RankedModes {

    boolean ranked(String mode);

    /** How many sides (teams) a match of the mode has; 0 when the mode is not configured. */
    int sides(String mode);
}
