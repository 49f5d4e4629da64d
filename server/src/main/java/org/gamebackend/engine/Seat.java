package org.gamebackend.engine;

import org.gamebackend.accounts.PlayerId;

/**
 * A place in a match, held by a player or a bot.
 *
 * @param index 0-based, stable for the whole match
 * @param team the team the seat plays for (equal to index in free-for-all games)
 */
public record Seat(int index, PlayerId player, boolean bot, int team) {}
