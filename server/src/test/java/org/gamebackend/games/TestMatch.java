package org.gamebackend.games;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.engine.DeterministicRandom;
import org.gamebackend.engine.Game;
import org.gamebackend.engine.GameSpec;
import org.gamebackend.engine.InputResult;
import org.gamebackend.engine.MatchContext;
import org.gamebackend.engine.MatchId;
import org.gamebackend.engine.Seat;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * A match without an engine: a {@link MatchContext} whose tick the test sets, which records what the game sends, and a
 * few helpers to drive a game's hooks in the engine's order (inputs, then the tick).
 */
public final class TestMatch<S, I> implements MatchContext {

    /** Like the engine's: fields of any visibility, snake_case names. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultVisibility(v -> v.withFieldVisibility(Visibility.ANY))
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    public record Message(
            String event, Object payload, @Nullable Seat to) {}

    public final Game<S, I> game;
    public final List<Seat> seats;
    public final List<Message> broadcasts = new ArrayList<>();
    public final List<Message> sent = new ArrayList<>();
    public final List<Message> toSpectators = new ArrayList<>();
    public final List<Map<String, @Nullable Object>> ends = new ArrayList<>();
    public int patches;
    public final List<Seat> backfills = new ArrayList<>();
    public final List<Seat> botRequests = new ArrayList<>();
    public S state;
    private DeterministicRandom random;
    private long tick;

    public TestMatch(Game<S, I> game, int players, long seed) {
        this.game = game;
        this.seats = IntStream.range(0, players)
                .mapToObj(i -> new Seat(i, new PlayerId(new UUID(0xA11CEL, i + 1)), false, i))
                .toList();
        this.random = new DeterministicRandom(seed);
        this.state = game.create(this);
    }

    public Seat seat(int index) {
        return seats.get(index);
    }

    public String id(int index) {
        return seats.get(index).player().toString();
    }

    public InputResult input(int seat, I input) {
        return game.input(state, seats.get(seat), input, this);
    }

    /** Runs the next tick. */
    public void step() {
        tick++;
        game.tick(state, this);
    }

    public void step(int ticks) {
        for (int i = 0; i < ticks; i++) {
            step();
        }
    }

    public void joinAll() {
        seats.forEach(seat -> game.join(state, seat, this));
    }

    public @Nullable Map<String, @Nullable Object> result() {
        return ends.isEmpty() ? null : ends.getLast();
    }

    public String stateJson() {
        return JSON.writeValueAsString(state);
    }

    public String viewJson() {
        return JSON.writeValueAsString(game.view(state));
    }

    /** What a snapshot restore does: the state through JSON and back, the random source from its saved state. */
    public void restore(String stateJson, long randomState) {
        state = JSON.readValue(stateJson, game.stateType());
        random = new DeterministicRandom(randomState);
    }

    public void setTick(long tick) {
        this.tick = tick;
    }

    @Override
    public MatchId matchId() {
        return new MatchId(new UUID(0, 1));
    }

    @Override
    public long tick() {
        return tick;
    }

    @Override
    public Duration elapsed() {
        return spec().tickInterval().multipliedBy(tick);
    }

    @Override
    public long ticks(Duration duration) {
        return Math.max(1, duration.toNanos() / spec().tickInterval().toNanos());
    }

    @Override
    public DeterministicRandom random() {
        return random;
    }

    @Override
    public List<Seat> seats() {
        return seats;
    }

    @Override
    public void broadcast(String event, Object payload) {
        broadcasts.add(new Message(event, payload, null));
    }

    @Override
    public void send(Seat seat, String event, Object payload) {
        sent.add(new Message(event, payload, seat));
    }

    @Override
    public void toSpectators(String event, Object payload) {
        toSpectators.add(new Message(event, payload, null));
    }

    @Override
    public void requestBot(Seat seat) {
        botRequests.add(seat);
    }

    @Override
    public void requestBackfill(Seat seat) {
        backfills.add(seat);
    }

    @Override
    public void patchNow() {
        patches++;
    }

    @Override
    public void end(Map<String, ? extends @Nullable Object> data) {
        ends.add(new LinkedHashMap<>(data));
    }

    private GameSpec spec() {
        return game.spec();
    }
}
