package org.gamebackend.accounts;

/**
 * Published in the same transaction that creates a player (registration or first guest login).
 *
 * @param guest whether the player signed up as a guest (by device id)
 */
public record PlayerRegistered(PlayerId playerId, String username, boolean guest) {}
