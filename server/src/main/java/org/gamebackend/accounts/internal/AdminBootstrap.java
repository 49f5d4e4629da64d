package org.gamebackend.accounts.internal;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Creates the admin account at start when {@code ADMIN_PASSWORD} is set and no account of that name exists. */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final PlayerRepository players;
    private final PasswordHasher hasher;
    private final AccountsProperties props;

    AdminBootstrap(PlayerRepository players, PasswordHasher hasher, AccountsProperties props) {
        this.players = players;
        this.hasher = hasher;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        String password = props.admin().password();
        String username = props.admin().username();
        if (!StringUtils.hasText(password) || players.usernameTaken(username)) {
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("ADMIN_PASSWORD must be at least 12 characters");
        }
        try {
            players.insert(new Player(
                    UUID.randomUUID(),
                    username,
                    null,
                    hasher.hash(password),
                    username,
                    null,
                    List.of(Player.PLAYER, Player.ADMIN),
                    false,
                    null,
                    0,
                    null));
            log.info("Created the admin account '{}'", username);
        } catch (DuplicateKeyException e) {
            log.info("The admin account '{}' was created by another node", username);
        }
    }
}
