package org.gamebackend.matchmaking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.GameSpec;
import org.gamebackend.matchmaking.TicketId;
import org.gamebackend.matchmaking.internal.MatchmakingProperties.Bots;
import org.gamebackend.matchmaking.internal.MatchmakingProperties.Fallback;
import org.gamebackend.matchmaking.internal.MatchmakingProperties.ModeProperties;
import org.gamebackend.matchmaking.internal.MatchmakingProperties.Window;
import org.junit.jupiter.api.Test;

/** Modes are checked at start, and decide where a waiting ticket may be matched. */
class ModeTests {

    static final GameSpec ARENA = new GameSpec("arena", 20, 20, 2, 8);
    static final List<String> REGIONS = List.of("eu", "na", "sa", "asia", "oce");

    static ModeProperties props(int teams, int teamSize, List<String> regions, Window window, Fallback fallback) {
        return new ModeProperties(
                "arena",
                teams,
                teamSize,
                true,
                regions,
                window,
                fallback,
                new Bots(true, Duration.ofSeconds(30), 1, false),
                Duration.ofMinutes(5));
    }

    static final Window WINDOW = new Window(100, 10, 400);
    static final Fallback FALLBACK = new Fallback(Duration.ofSeconds(15), 120);

    @Test
    void aValidModeTakesTheServersRegionsInOrderWhenItNamesNone() {
        Mode mode = Mode.of("arena-2v2", props(2, 2, List.of(), WINDOW, FALLBACK), ARENA, REGIONS);
        assertThat(mode.seats()).isEqualTo(4);
        assertThat(mode.maxPartySize()).isEqualTo(2);
        assertThat(mode.regions()).containsExactlyElementsOf(REGIONS);
        assertThat(mode.window(0)).isEqualTo(100);
        assertThat(mode.window(20_000)).isEqualTo(300);
        assertThat(mode.window(3_600_000)).isEqualTo(400);
    }

    @Test
    void anInvalidModeNamesEveryProblem() {
        assertThatThrownBy(() -> Mode.of(
                        "Big Mode",
                        props(5, 2, List.of("eu", "mars"), new Window(300, 10, 200), FALLBACK),
                        ARENA,
                        REGIONS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("game.matchmaking.modes.Big Mode")
                .hasMessageContaining("name must be")
                .hasMessageContaining("10 seats, but arena takes 2 to 8")
                .hasMessageContaining("region mars")
                .hasMessageContaining("window needs");
    }

    @Test
    void aTicketIsOfferedAbroadOnlyAfterTheDelayAndOnlyWhereItsLatencyIsLowEnough() {
        Mode mode = Mode.of("arena", props(4, 1, List.of(), WINDOW, FALLBACK), ARENA, REGIONS);
        Ticket t = new Ticket(
                TicketId.random(),
                "arena",
                "eu",
                Map.of("eu", 20, "na", 90, "sa", 121, "asia", 300),
                List.of(new Ticket.Member(new PlayerId(UUID.randomUUID()), 1500)),
                null,
                1_000_000);
        assertThat(mode.fallbackRegions(t, 1_000_000 + 14_999)).isEmpty();
        assertThat(mode.fallbackRegions(t, 1_000_000 + 15_000)).containsExactly("na");
        Mode never = Mode.of("arena", props(4, 1, List.of(), WINDOW, new Fallback(Duration.ZERO, 120)), ARENA, REGIONS);
        assertThat(never.fallbackRegions(t, 9_000_000)).isEmpty();
    }
}
