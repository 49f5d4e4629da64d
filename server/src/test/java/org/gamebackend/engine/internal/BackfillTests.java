package org.gamebackend.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.Seat;
import org.gamebackend.games.arena.Arena;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A seat left for good can be given to a new player: asked for by the game, done by the match's own worker. */
class BackfillTests {

    final EngineHarness harness = new EngineHarness();
    final TickScheduler scheduler = new TickScheduler(1, Duration.ofMillis(50).toNanos());

    @AfterEach
    void stop() throws InterruptedException {
        scheduler.shutdown();
    }

    @Test
    void aLeaverIsReplacedAndTheNewcomerPlaysInTheSeat() {
        Arena arena = new Arena(Duration.ofMinutes(3));
        List<Seat> seats = EngineHarness.seats(3);
        MatchRuntime match = harness.match(arena, EngineHarness.props(64, 10, 3, 20), seats, 5);
        scheduler.assign(match);
        for (int i = 0; i < 3; i++) {
            match.enqueue(new MatchRuntime.Command.Control(i, LogEntry.Kind.JOIN));
        }
        PlayerId newcomer = new PlayerId(UUID.randomUUID());
        assertThat(replace(match, 1, newcomer).join())
                .as("a held seat is not given away")
                .isFalse();

        match.enqueue(new MatchRuntime.Command.Control(1, LogEntry.Kind.LEAVE));
        await().atMost(Duration.ofSeconds(5)).until(() -> harness.backfills.contains(1));
        assertThat(replace(match, 1, newcomer).join()).isTrue();
        assertThat(match.seats.get(1)).isEqualTo(new Seat(1, newcomer, false, 1));
        assertThat(harness.filled).containsExactly(new Seat(1, newcomer, false, 1));

        match.enqueue(new MatchRuntime.Command.Control(1, LogEntry.Kind.JOIN));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> String.valueOf(match.stateJson().rawValue()).contains(newcomer.toString()));
        assertThat(String.valueOf(match.stateJson().rawValue()))
                .doesNotContain(seats.get(1).player().toString());
        assertThat(harness.ended).isEmpty();
    }

    @Test
    void aReplayFollowsTheSeatChangingHands() {
        Arena arena = new Arena(Duration.ofMinutes(3));
        List<Seat> seats = EngineHarness.seats(3);
        StateCodec codec = new StateCodec();
        var live = Simulation.start(MatchId.random(), arena, seats, codec, Duration.ofSeconds(30), 9);
        PlayerId newcomer = new PlayerId(UUID.randomUUID());
        for (int t = 0; t < 200; t++) {
            if (t < 3) {
                live.apply(LogEntry.of(live.currentTick(), t, LogEntry.Kind.JOIN));
            }
            if (t == 20) {
                live.apply(LogEntry.of(live.currentTick(), 2, LogEntry.Kind.LEAVE));
            }
            if (t == 40) {
                byte[] id = ("\"" + newcomer + "\"").getBytes(StandardCharsets.UTF_8);
                live.apply(new LogEntry(live.currentTick(), 2, LogEntry.Kind.REPLACE, id, newcomer));
                live.apply(LogEntry.of(live.currentTick(), 2, LogEntry.Kind.JOIN));
            }
            if (t % 7 == 0) {
                byte[] input = ("{\"seq\":" + (t + 1) + ",\"move\":[1,0],\"fire\":true,\"aim\":0.5}")
                        .getBytes(StandardCharsets.UTF_8);
                live.apply(new LogEntry(live.currentTick(), 2, LogEntry.Kind.INPUT, input, null));
            }
            live.step();
        }
        assertThat(live.seats().get(2).player()).isEqualTo(newcomer);

        var replay = Simulation.start(MatchId.random(), arena, seats, codec, Duration.ofDays(36_500), 9);
        ReplayDeterminismTests.replay(live, replay);
        assertThat(replay.seats().get(2).player()).isEqualTo(newcomer);
        assertThat(StateCodec.sha256(replay.stateBytes())).isEqualTo(StateCodec.sha256(live.stateBytes()));
    }

    private static CompletableFuture<Boolean> replace(MatchRuntime match, int seat, PlayerId player) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        match.replace(new MatchRuntime.Command.Replace(seat, player, done));
        return done;
    }
}
