package org.gamebackend.bots;

/** How well a rule-based bot plays; each game's policy says what a level means for it. */
public enum Difficulty {
    /** Beatable by a new player: slow to react, often wrong. */
    EASY,
    /** Makes mistakes now and then. */
    MEDIUM,
    /** As well as the policy can: perfect play where the game allows it. */
    HARD
}
