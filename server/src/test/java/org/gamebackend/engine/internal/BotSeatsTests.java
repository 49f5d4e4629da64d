package org.gamebackend.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.bots.BotPolicy;
import org.gamebackend.bots.BotSeat;
import org.gamebackend.bots.Difficulty;
import org.gamebackend.engine.BotPlayer;
import org.gamebackend.engine.BotPlayers;
import org.gamebackend.engine.Game;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.MatchResult;
import org.gamebackend.engine.Seat;
import org.gamebackend.games.arena.Arena;
import org.gamebackend.games.arena.ArenaBot;
import org.gamebackend.games.tictactoe.TicTacToe;
import org.gamebackend.games.tictactoe.TicTacToeBot;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Bot seats in live matches: they join from the start and play through the input path (recorded, so replays hold), a
 * failing bot costs only its own turn, and a bot takes a leaver's seat and gives it up to a backfilled player.
 */
class BotSeatsTests {

    final EngineHarness harness = new EngineHarness();

    @Test
    void twoPerfectBotsAlwaysDrawAndTheReplayReproducesTheMatch() {
        for (long seed = 1; seed <= 5; seed++) {
            Game<?, ?> game = new TicTacToe(Duration.ofSeconds(30));
            List<Seat> seats = bots(2);
            MatchRuntime match = harness.match(game, props(), seats, seed, roster(new TicTacToeBot(), null));
            MatchResult result = runToEnd(match, 1_000);
            assertThat(result.data()).containsEntry("reason", "draw");
            assertThat(replayHash(game, seats, match)).isEqualTo(StateCodec.sha256(match.finalState()));
        }
    }

    @Test
    void arenaBotsFightFromTheFirstTickAndEveryInputIsRecorded() {
        Game<?, ?> game = new Arena(Duration.ofSeconds(20));
        List<Seat> seats = bots(4);
        MatchRuntime match = harness.match(game, props(), seats, 3, roster(new ArenaBot(), null));
        MatchResult result = runToEnd(match, 1_000);
        assertThat(result.status()).isEqualTo(MatchResult.FINISHED);
        List<LogEntry> log = InputLog.entries(match.logBytes());
        for (int seat = 0; seat < 4; seat++) {
            int s = seat;
            assertThat(log)
                    .filteredOn(e -> e.seat() == s && e.kind() == LogEntry.Kind.INPUT)
                    .hasSizeGreaterThan(50);
        }
        int kills = ((java.util.Map<?, ?>) result.data().get("scores"))
                .values().stream().mapToInt(v -> (Integer) v).sum();
        assertThat(kills).isPositive();
        assertThat(replayHash(game, seats, match)).isEqualTo(StateCodec.sha256(match.finalState()));
    }

    @Test
    void aBotThatFailsSkipsItsTurnAndTheMatchGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        BotPlayers broken = new BotPlayers() {
            @Override
            public boolean plays(String game) {
                return true;
            }

            @Override
            public BotPlayer attach(String game, String mode, Seat seat, long seed) {
                return (state, tick) -> {
                    if (calls.incrementAndGet() % 2 == 0) {
                        throw new IllegalStateException("the bot's own bug");
                    }
                    return "not an arena input";
                };
            }
        };
        List<Seat> seats = bots(2);
        MatchRuntime match = harness.match(new Arena(Duration.ofSeconds(5)), props(), seats, 4, broken);
        MatchResult result = runToEnd(match, 1_000);
        assertThat(result.status()).isEqualTo(MatchResult.FINISHED);
        assertThat(harness.failures).isEmpty();
        assertThat(harness.registry.get("game.bot.failures").counter().count()).isEqualTo(calls.get());
    }

    @Test
    void aBotTakesTheSeatOfALeaverAndGivesItUpToABackfilledPlayer() {
        Game<?, ?> game = new Arena(Duration.ofMinutes(3));
        List<Seat> seats = EngineHarness.seats(3);
        List<Seat> attached = new ArrayList<>();
        AtomicInteger detached = new AtomicInteger();
        MatchRuntime match =
                harness.match(game, props(), seats, 5, roster(new ArenaBot(), seat -> attached.add(seat), detached));
        for (int i = 0; i < 3; i++) {
            match.enqueue(new MatchRuntime.Command.Control(i, LogEntry.Kind.JOIN));
        }
        ticks(match, 5);
        assertThat(attached).isEmpty();

        match.enqueue(new MatchRuntime.Command.Control(1, LogEntry.Kind.LEAVE));
        ticks(match, 3);
        Seat bot = match.seats.get(1);
        assertThat(bot.bot()).isTrue();
        assertThat(bot.player()).isNotEqualTo(seats.get(1).player());
        assertThat(attached).containsExactly(bot);
        assertThat(harness.filled).containsExactly(bot);
        assertThat(harness.backfills).containsExactly(1); // a player is still looked for
        ticks(match, 40);
        assertThat(InputLog.entries(match.logBytes()))
                .filteredOn(e -> e.seat() == 1 && e.kind() == LogEntry.Kind.INPUT)
                .isNotEmpty();
        assertThat(String.valueOf(match.stateJson().rawValue()))
                .contains(bot.player().toString());

        PlayerId newcomer = new PlayerId(UUID.randomUUID());
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        match.replace(new MatchRuntime.Command.Replace(1, newcomer, done));
        ticks(match, 1);
        assertThat(done.join()).isTrue();
        assertThat(match.seats.get(1)).isEqualTo(new Seat(1, newcomer, false, 1));
        assertThat(detached).hasValue(1);
        int loggedBefore = InputLog.entries(match.logBytes()).size();
        ticks(match, 20);
        assertThat(InputLog.entries(match.logBytes())
                        .subList(
                                loggedBefore, InputLog.entries(match.logBytes()).size()))
                .noneMatch(e -> e.seat() == 1 && e.kind() == LogEntry.Kind.INPUT);
        assertThat(harness.ended).isEmpty();
    }

    @Test
    void withoutBotsInstalledALeaversSeatStaysEmpty() {
        List<Seat> seats = EngineHarness.seats(3);
        MatchRuntime match = harness.match(new Arena(Duration.ofMinutes(3)), props(), seats, 5, null);
        for (int i = 0; i < 3; i++) {
            match.enqueue(new MatchRuntime.Command.Control(i, LogEntry.Kind.JOIN));
        }
        match.enqueue(new MatchRuntime.Command.Control(1, LogEntry.Kind.LEAVE));
        ticks(match, 5);
        assertThat(match.seats).isEqualTo(seats);
        assertThat(harness.filled).isEmpty();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static EngineProperties props() {
        return EngineHarness.props(64, 10, 3, 1_000);
    }

    private static List<Seat> bots(int n) {
        List<Seat> seats = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            seats.add(new Seat(i, new PlayerId(UUID.randomUUID()), true, i));
        }
        return seats;
    }

    /** Bots of one real policy at the top level. */
    private static BotPlayers roster(BotPolicy<?, ?> policy, java.util.function.@Nullable Consumer<Seat> onAttach) {
        return roster(policy, onAttach == null ? seat -> {} : onAttach, new AtomicInteger());
    }

    private static BotPlayers roster(
            BotPolicy<?, ?> policy, java.util.function.Consumer<Seat> onAttach, AtomicInteger detached) {
        return new BotPlayers() {
            @Override
            public boolean plays(String game) {
                return game.equals(policy.game());
            }

            @Override
            public BotPlayer attach(String game, String mode, Seat seat, long seed) {
                onAttach.accept(seat);
                return player(policy, new BotSeat(seat, mode, Difficulty.HARD, seed), detached);
            }
        };
    }

    private static <S, I> BotPlayer player(BotPolicy<S, I> policy, BotSeat seat, AtomicInteger detached) {
        var bot = policy.create(seat);
        return new BotPlayer() {
            @Override
            public @Nullable Object act(Object state, long tick) {
                return bot.decide(policy.stateType().cast(state), tick);
            }

            @Override
            public void detach() {
                detached.incrementAndGet();
            }
        };
    }

    /** Drives the match on this thread, as its tick worker would, without waiting for the clock. */
    private static void ticks(MatchRuntime match, int n) {
        for (int i = 0; i < n; i++) {
            assertThat(match.runTick(System.nanoTime())).isTrue();
        }
    }

    private MatchResult runToEnd(MatchRuntime match, int maxTicks) {
        for (int i = 0; i < maxTicks; i++) {
            if (!match.runTick(System.nanoTime())) {
                return harness.ended.peek();
            }
        }
        throw new AssertionError("the match did not end in " + maxTicks + " ticks");
    }

    /** What {@link Replays#resimulate} does with the stored match. */
    private static String replayHash(Game<?, ?> game, List<Seat> seats, MatchRuntime live) {
        return StateCodec.sha256(
                Replays.replay(game, MatchId.random(), seats, live.seed, live.logBytes(), live.tick(), new StateCodec())
                        .stateBytes());
    }
}
