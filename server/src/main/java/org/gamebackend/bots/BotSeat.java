package org.gamebackend.bots;

import org.gamebackend.engine.Seat;

/**
 * The seat a bot plays and how well.
 *
 * @param seat the seat (its player id is the bot's own)
 * @param mode the mode of the match (e.g. {@code tictactoe}, {@code custom})
 * @param difficulty how well to play
 * @param seed for the bot's own randomness
 */
public record BotSeat(Seat seat, String mode, Difficulty difficulty, long seed) {}
