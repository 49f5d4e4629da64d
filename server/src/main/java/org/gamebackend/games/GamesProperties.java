package org.gamebackend.games;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the built-in games ({@code game.games.*}).
 *
 * @param tictactoeTurnTime how long a tic-tac-toe player has for each move before forfeiting
 * @param arenaMatchLength how long an arena match lasts
 */
@ConfigurationProperties("game.games")
record GamesProperties(
        @DefaultValue("30s") Duration tictactoeTurnTime,
        @DefaultValue("3m") Duration arenaMatchLength) {}
