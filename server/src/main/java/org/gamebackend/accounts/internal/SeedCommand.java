package org.gamebackend.accounts.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code make seed}: creates a few demo players (once) and prints their credentials. */
@Component
@ConditionalOnProperty(name = "game.command", havingValue = "seed")
class SeedCommand implements ApplicationRunner {

    static final List<String> DEMO_PLAYERS = List.of("alice", "bob", "carol", "dave");

    private final PlayerRepository players;
    private final PasswordHasher hasher;

    SeedCommand(PlayerRepository players, PasswordHasher hasher) {
        this.players = players;
        this.hasher = hasher;
    }

    @Override
    public void run(ApplicationArguments args) {
        StringBuilder out = new StringBuilder("\nDemo players (login = username or email):\n");
        for (String name : DEMO_PLAYERS) {
            String password = name + "-demo-pass";
            boolean created = !players.usernameTaken(name);
            if (created) {
                players.insert(new Player(
                        UUID.randomUUID(),
                        name,
                        name + "@example.com",
                        hasher.hash(password),
                        Character.toUpperCase(name.charAt(0)) + name.substring(1),
                        "eu",
                        List.of(Player.PLAYER),
                        false,
                        null,
                        0,
                        null));
            }
            out.append(String.format(
                    "  %-6s %-18s password %-16s %s%n",
                    name, name + "@example.com", password, created ? "(created)" : "(already there)"));
        }
        System.out.print(out);
    }
}
