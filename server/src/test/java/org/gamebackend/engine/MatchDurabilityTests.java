package org.gamebackend.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.internal.MatchEngine;
import org.gamebackend.support.RunningServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.util.RawValue;

/** A graceful shutdown suspends running matches to PostgreSQL; the next start resumes them where they were. */
class MatchDurabilityTests {

    @Test
    void aRunningMatchSurvivesARestart() {
        Path dataDir = Path.of("target/test-data/durability-" + UUID.randomUUID());
        PlayerId x = new PlayerId(UUID.randomUUID());
        PlayerId o = new PlayerId(UUID.randomUUID());
        MatchId id;
        long tickBefore;
        try (RunningServer first = RunningServer.start("game.data-dir=" + dataDir)) {
            MatchEngine engine = first.context().getBean(MatchEngine.class);
            id = engine.create(new MatchRequest(
                    "tictactoe",
                    "tictactoe",
                    List.of(new MatchRequest.SeatRequest(x, false, 0), new MatchRequest.SeatRequest(o, false, 1))));
            engine.connected(id, 0);
            engine.connected(id, 1);
            assertThat(move(engine, id, 0, 4)).isEqualTo(InputResult.ok());
            tickBefore = engine.live(id).orElseThrow().tick();
        }
        try (RunningServer second = RunningServer.start("game.data-dir=" + dataDir)) {
            MatchEngine engine = second.context().getBean(MatchEngine.class);
            MatchEngine.LiveMatch resumed = engine.live(id).orElseThrow();
            assertThat(resumed.tick()).isGreaterThanOrEqualTo(tickBefore);
            assertThat(json(resumed)).contains("\"board\":[\"\",\"\",\"\",\"\",\"X\"");
            // both players were dropped by the shutdown; they come back and play on
            engine.connected(id, 0);
            engine.connected(id, 1);
            assertThat(move(engine, id, 0, 0)).isEqualTo(InputResult.reject("not_your_turn"));
            assertThat(move(engine, id, 1, 0)).isEqualTo(InputResult.ok());
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> json(engine.live(id).orElseThrow()).contains("\"O\""));
        }
    }

    private static String json(MatchEngine.LiveMatch match) {
        return String.valueOf(((RawValue) match.state()).rawValue());
    }

    private static InputResult move(MatchEngine engine, MatchId id, int seat, int cell) {
        return engine.input(id, seat, ("{\"cell\":" + cell + "}").getBytes(StandardCharsets.UTF_8))
                .join()
                .result();
    }
}
