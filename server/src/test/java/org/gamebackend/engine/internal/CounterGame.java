package org.gamebackend.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.gamebackend.engine.Game;
import org.gamebackend.engine.GameSpec;
import org.gamebackend.engine.InputResult;
import org.gamebackend.engine.MatchContext;
import org.gamebackend.engine.Seat;

/**
 * A test game: counts ticks, sums inputs, draws random numbers. It can be told (by test code, outside its state) to
 * throw at a tick or to stall, to exercise supervision.
 */
final class CounterGame implements Game<CounterGame.State, CounterGame.Add> {

    static final class State {
        long ticks;
        long sum;
        long draws;
        List<String> events = new ArrayList<>();
    }

    record Add(int amount) {}

    final GameSpec spec;
    /** Throw in tick when the state's tick count equals this (-1 = never); consumed by {@link #throwOnce}. */
    volatile long throwAtTick = -1;

    volatile boolean throwOnce = true;
    volatile long stallMillis;
    final AtomicInteger crashes = new AtomicInteger();

    CounterGame(int tickRate) {
        this.spec = new GameSpec("counter", tickRate, tickRate, 1, 4);
    }

    @Override
    public GameSpec spec() {
        return spec;
    }

    @Override
    public Class<State> stateType() {
        return State.class;
    }

    @Override
    public Class<Add> inputType() {
        return Add.class;
    }

    @Override
    public State create(MatchContext ctx) {
        return new State();
    }

    @Override
    public void join(State s, Seat seat, MatchContext ctx) {
        s.events.add("join " + seat.index() + "@" + ctx.tick());
    }

    @Override
    public void drop(State s, Seat seat, MatchContext ctx) {
        s.events.add("drop " + seat.index() + "@" + ctx.tick());
    }

    @Override
    public void rejoin(State s, Seat seat, MatchContext ctx) {
        s.events.add("rejoin " + seat.index() + "@" + ctx.tick());
    }

    @Override
    public void leave(State s, Seat seat, MatchContext ctx) {
        s.events.add("leave " + seat.index() + "@" + ctx.tick());
    }

    @Override
    public InputResult input(State s, Seat seat, Add input, MatchContext ctx) {
        if (input.amount() < 0) {
            return InputResult.reject("negative");
        }
        s.sum += input.amount();
        if (s.sum >= 1000) {
            ctx.end(Map.of("sum", s.sum));
        }
        return InputResult.ok();
    }

    @Override
    public void tick(State s, MatchContext ctx) {
        if (ctx.tick() == throwAtTick && (throwOnce || crashes.get() == 0 || !throwOnce)) {
            if (throwOnce) {
                throwAtTick = -1;
            }
            crashes.incrementAndGet();
            throw new IllegalStateException("boom at tick " + ctx.tick());
        }
        long stall = stallMillis;
        if (stall > 0) {
            try {
                Thread.sleep(stall);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        s.ticks++;
        s.draws += ctx.random().nextInt(100);
    }
}
