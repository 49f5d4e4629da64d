/**
 * The built-in games, written on the engine's Game SPI like any studio's game would be: {@code tictactoe}
 * (turn-based, a turn timer) and {@code arena} (real-time, 20 Hz). This package only registers them as beans; the
 * rules live in the sub-packages and depend on nothing but {@code org.gamebackend.engine}.
 */
@org.jspecify.annotations.NullMarked
package org.gamebackend.games;
