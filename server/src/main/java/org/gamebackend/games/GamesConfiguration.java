package org.gamebackend.games;

import org.gamebackend.bots.BotPolicy;
import org.gamebackend.engine.Game;
import org.gamebackend.games.arena.Arena;
import org.gamebackend.games.arena.ArenaBot;
import org.gamebackend.games.tictactoe.TicTacToe;
import org.gamebackend.games.tictactoe.TicTacToeBot;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the built-in games; the engine runs every {@code Game} bean it finds, by its spec's name. */
@Configuration(proxyBeanMethods = false)
class GamesConfiguration {

    @Bean
    Game<?, ?> ticTacToe(GamesProperties properties) {
        return new TicTacToe(properties.tictactoeTurnTime());
    }

    @Bean
    Game<?, ?> arena(GamesProperties properties) {
        return new Arena(properties.arenaMatchLength());
    }

    @Bean
    BotPolicy<?, ?> ticTacToeBot() {
        return new TicTacToeBot();
    }

    @Bean
    BotPolicy<?, ?> arenaBot() {
        return new ArenaBot();
    }
}
