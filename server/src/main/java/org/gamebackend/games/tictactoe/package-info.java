/** Tic-tac-toe: the smallest complete game on the SPI, and the worked example of docs/writing-a-game.md. */
@org.jspecify.annotations.NullMarked
package org.gamebackend.games.tictactoe;
