package org.gamebackend.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.gamebackend.engine.InputResult;
import org.gamebackend.engine.MatchResult;
import org.gamebackend.engine.Seat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MatchRuntimeTests {

    final EngineHarness harness = new EngineHarness();
    TickScheduler scheduler = new TickScheduler(1, Duration.ofMillis(50).toNanos());

    @AfterEach
    void stop() throws InterruptedException {
        scheduler.shutdown();
    }

    @Test
    void ticksAtTheGamesRateAndAppliesInputsAtTheNextTick() {
        CounterGame game = new CounterGame(50);
        MatchRuntime match = harness.match(game, EngineHarness.props(16, 10, 3, 20), EngineHarness.seats(2), 1);
        scheduler.assign(match);
        await().atMost(Duration.ofSeconds(10)).until(() -> match.tick() >= 10);
        CompletableFuture<InputOutcome> reply = match.submit(0, json("{\"amount\":5}"), new CounterGame.Add(5));
        InputOutcome outcome = reply.join();
        assertThat(outcome.result()).isEqualTo(InputResult.ok());
        assertThat(outcome.tick()).isGreaterThanOrEqualTo(10);
        InputOutcome refused = match.submit(0, json("{\"amount\":-1}"), new CounterGame.Add(-1))
                .join();
        assertThat(refused.result()).isEqualTo(InputResult.reject("negative"));
        assertThat(harness.sent).anySatisfy(s -> assertThat(s.event()).isEqualTo("state"));
    }

    @Test
    void aFullInputQueueRefusesNewInputsAtOnceAndKeepsTheQueuedOnes() {
        CounterGame game = new CounterGame(10);
        MatchRuntime match = harness.match(game, EngineHarness.props(4, 10, 3, 20), EngineHarness.seats(1), 1);
        // not scheduled yet: nothing drains the queue
        List<CompletableFuture<InputOutcome>> replies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            replies.add(match.submit(0, json("{\"amount\":1}"), new CounterGame.Add(1)));
        }
        assertThat(replies.subList(0, 4)).allSatisfy(r -> assertThat(r).isNotDone());
        assertThat(replies.subList(4, 10))
                .allSatisfy(r -> assertThat(r.join().result()).isEqualTo(InputResult.reject("input_queue_full")));
        scheduler.assign(match);
        assertThat(replies.subList(0, 4))
                .allSatisfy(r -> assertThat(r.join().result()).isEqualTo(InputResult.ok()));
    }

    @Test
    void aThrowingHookRestartsFromTheLastSnapshot() {
        CounterGame game = new CounterGame(100);
        game.throwAtTick = 23;
        MatchRuntime match = harness.match(game, EngineHarness.props(16, 10, 3, 20), EngineHarness.seats(1), 7);
        scheduler.assign(match);
        await().atMost(Duration.ofSeconds(10)).until(() -> match.tick() >= 40);
        assertThat(harness.failures).containsExactly(true);
        assertThat(game.crashes.get()).isEqualTo(1);
        assertThat(harness.ended).isEmpty();
    }

    @Test
    void aMatchThatKeepsFailingIsAbortedAfterMaxRestarts() {
        CounterGame game = new CounterGame(100);
        game.throwOnce = false;
        game.throwAtTick = 15;
        MatchRuntime match = harness.match(game, EngineHarness.props(16, 10, 2, 20), EngineHarness.seats(1), 7);
        scheduler.assign(match);
        await().atMost(Duration.ofSeconds(10)).until(() -> !harness.ended.isEmpty());
        assertThat(harness.failures).containsExactly(true, true, false);
        MatchResult result = harness.ended.peek();
        assertThat(result).isNotNull();
        assertThat(result.status()).isEqualTo(MatchResult.ABORTED);
        assertThat(harness.sent).anySatisfy(s -> assertThat(s.event()).isEqualTo("match_end"));
    }

    @Test
    void ticksThatKeepOverrunningTheirBudgetCountAsACrash() {
        CounterGame game = new CounterGame(100); // 10 ms budget
        MatchRuntime match = harness.match(game, EngineHarness.props(16, 10, 3, 3), EngineHarness.seats(1), 5);
        scheduler.assign(match);
        await().atMost(Duration.ofSeconds(10)).until(() -> match.tick() >= 5);
        game.stallMillis = 15; // every tick over budget: the third in a row is a failure
        await().atMost(Duration.ofSeconds(10)).until(() -> !harness.failures.isEmpty());
        game.stallMillis = 0;
        assertThat(harness.failures.peek()).isTrue();
        long after = match.tick();
        await().atMost(Duration.ofSeconds(10)).until(() -> match.tick() >= after + 20);
        assertThat(harness.ended).isEmpty();
    }

    @Test
    void aStalledMatchDoesNotHoldBackTheOthersOnItsWorker() {
        CounterGame slow = new CounterGame(20);
        CounterGame healthy = new CounterGame(50);
        MatchRuntime stuck = harness.match(slow, EngineHarness.props(16, 10, 3, 1000), EngineHarness.seats(1), 1);
        MatchRuntime other = harness.match(healthy, EngineHarness.props(16, 10, 3, 1000), EngineHarness.seats(1), 2);
        scheduler.assign(stuck);
        scheduler.assign(other); // one worker: both start on it
        await().atMost(Duration.ofSeconds(10)).until(() -> stuck.tick() >= 5 && other.tick() >= 5);
        slow.stallMillis = 3_000;
        await().atMost(Duration.ofSeconds(5)).until(() -> scheduler.workerCount() == 2);
        long otherBefore = other.tick();
        long stuckBefore = stuck.tick();
        // while the slow match sits in one tick for 3 s, the other goes on ticking on a spare worker
        await().atMost(Duration.ofSeconds(2)).until(() -> other.tick() >= otherBefore + 25);
        assertThat(stuck.tick()).isLessThanOrEqualTo(stuckBefore + 1);
        slow.stallMillis = 0;
    }

    /**
     * A pause that stops every thread (a long young collection) is no stall: before this, the watchdog woke after one,
     * saw both workers "in one tick" for the whole pause, and moved every match onto one worker. Time is given to
     * {@code check} directly (the scheduler's own watchdog, at a 30 s threshold, stays out of the way).
     */
    @Test
    void timeTheWatchdogCouldNotWatchDoesNotCountAsAStall() throws InterruptedException {
        scheduler.shutdown();
        scheduler = new TickScheduler(1, Duration.ofSeconds(30).toNanos());
        CounterGame slow = new CounterGame(20);
        MatchRuntime stuck = harness.match(slow, EngineHarness.props(16, 10, 3, 1000), EngineHarness.seats(1), 1);
        MatchRuntime other =
                harness.match(new CounterGame(50), EngineHarness.props(16, 10, 3, 1000), EngineHarness.seats(1), 2);
        scheduler.assign(stuck);
        scheduler.assign(other);
        await().atMost(Duration.ofSeconds(10)).until(() -> stuck.tick() >= 5 && other.tick() >= 5);
        slow.stallMillis = 2_000;
        Thread.sleep(300); // the slow match is inside a 2 s tick now, the other waits behind it
        long s = 1_000_000_000L;
        long start = System.nanoTime();
        // the watchdog woke 31 s after `start`, having slept through the last 29 s (everything was paused)
        scheduler.unwatchedUntil(start + 29 * s);
        scheduler.check(start + 31 * s);
        assertThat(scheduler.workerCount()).isEqualTo(1);
        // once it has watched the same tick for the whole threshold, the match is stuck: the others move
        scheduler.check(start + 60 * s);
        assertThat(scheduler.workerCount()).isEqualTo(2);
        long otherBefore = other.tick();
        await().atMost(Duration.ofSeconds(2)).until(() -> other.tick() >= otherBefore + 5);
        slow.stallMillis = 0;
    }

    @Test
    void dropsLeaveAfterTheGracePeriodAndRejoinsWithinItAreRejoins() {
        CounterGame game = new CounterGame(100);
        var props = new EngineProperties(
                1,
                16,
                10,
                3,
                20,
                Duration.ofMillis(50),
                Duration.ofMillis(200),
                false,
                Duration.ZERO,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30));
        List<Seat> seats = EngineHarness.seats(2);
        MatchRuntime match = harness.match(game, props, seats, 3);
        match.enqueue(new MatchRuntime.Command.Control(0, LogEntry.Kind.JOIN));
        match.enqueue(new MatchRuntime.Command.Control(1, LogEntry.Kind.JOIN));
        match.enqueue(new MatchRuntime.Command.Control(0, LogEntry.Kind.DROP));
        match.enqueue(new MatchRuntime.Command.Control(1, LogEntry.Kind.DROP));
        scheduler.assign(match);
        await().atMost(Duration.ofSeconds(5)).until(() -> match.tick() >= 5);
        match.enqueue(new MatchRuntime.Command.Control(0, LogEntry.Kind.JOIN));
        await().atMost(Duration.ofSeconds(5)).until(() -> match.tick() >= 40);
        String state = new String(match.finalState(), StandardCharsets.UTF_8);
        assertThat(state)
                .contains("join 0@0", "join 1@0", "drop 0@0", "drop 1@0", "rejoin 0@")
                .contains("leave 1@20")
                .doesNotContain("leave 0@");
    }

    static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
