package org.gamebackend.bots.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.gamebackend.bots.Difficulty;
import org.junit.jupiter.api.Test;

/** Bad remote configuration stops the start with a message that names the setting. */
class RemotePoliciesTests {

    private static final BotsProperties.Breaker BREAKER =
            new BotsProperties.Breaker(50, 20, 10, Duration.ofSeconds(5), 3);

    @Test
    void aModeNamingAnUnknownRemoteFailsAtStartup() {
        var props = new BotsProperties(
                true,
                Difficulty.HARD,
                Map.of("duel", new BotsProperties.ModeBots(null, "nope", null, null)),
                Map.of("models", remote("localhost:9090")));
        assertThatThrownBy(() -> new RemotePolicies(props, new BotMetrics(new SimpleMeterRegistry())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("game.bots.modes.duel.remote is 'nope'")
                .hasMessageContaining("[models]");
    }

    @Test
    void aRemoteWithoutTargetFailsAtStartup() {
        var props = new BotsProperties(true, Difficulty.HARD, Map.of(), Map.of("models", remote(" ")));
        assertThatThrownBy(() -> new RemotePolicies(props, new BotMetrics(new SimpleMeterRegistry())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("game.bots.remotes.models.target is required");
    }

    @Test
    void aKnownRemoteGetsItsBreakerGaugeClosed() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        var props = new BotsProperties(
                true,
                Difficulty.HARD,
                Map.of("duel", new BotsProperties.ModeBots(null, "models", null, null)),
                Map.of("models", remote("localhost:9090")));
        try (RemotePolicies remotes = new RemotePolicies(props, new BotMetrics(registry))) {
            assertThat(remotes.get("models")).isNotNull();
            assertThat(registry.get("bots.breaker.state")
                            .tag("remote", "models")
                            .gauge()
                            .value())
                    .isZero();
        }
    }

    private static BotsProperties.Remote remote(String target) {
        return new BotsProperties.Remote(target, Duration.ofMillis(20), false, false, null, null, BREAKER);
    }
}
