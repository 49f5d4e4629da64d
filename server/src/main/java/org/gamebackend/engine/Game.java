package org.gamebackend.engine;

/**
 * A game's rules: plain Java, no Spring, no I/O, no clock, no {@code Random}. The engine owns time, threads, sockets
 * and failure; a game only changes its state {@code S} in response to hooks, and talks through the {@link
 * MatchContext}. Every hook of one match runs on one thread at a time, so state needs no locks.
 *
 * <p>Determinism: given the same seed, seats and inputs at the same ticks, the hooks must produce the same state. Use
 * {@link MatchContext#random()} for chance, {@link MatchContext#tick()} for time, and ordered collections
 * ({@code LinkedHashMap}, arrays) for anything iterated. That is what makes replays and restarts work.
 *
 * <p>State is serialized with Jackson (fields of any visibility) for snapshots and, through {@link #view}, for the
 * {@code state} patches clients receive. Inputs arrive already parsed into {@code I} (unknown fields and wrong types
 * are refused before the game sees them).
 *
 * @param <S> the match state: a mutable class the game owns
 * @param <I> one input from one player: usually a record
 */
public interface Game<S, I> {

    /** Name, rates and seat counts. */
    GameSpec spec();

    Class<S> stateType();

    Class<I> inputType();

    /** The initial state, before anyone joins. */
    S create(MatchContext ctx);

    /** A seated player (or bot) connected for the first time. */
    default void join(S state, Seat seat, MatchContext ctx) {}

    /** The connection was lost; the seat is held for the grace period and the player may come back. */
    default void drop(S state, Seat seat, MatchContext ctx) {}

    /** A dropped player is back. */
    default void rejoin(S state, Seat seat, MatchContext ctx) {}

    /**
     * Gone for good: quit ({@code forfeit}), or the grace period ran out — after a drop, or for a seat whose player
     * never connected. Decide here: forfeit, or keep playing without them.
     */
    default void leave(S state, Seat seat, MatchContext ctx) {}

    /** One input of one seat, applied at the start of the tick it arrived before. Reject to leave state unchanged. */
    InputResult input(S state, Seat seat, I input, MatchContext ctx);

    /** Advances the simulation by one tick. A turn-based game may do nothing but check a deadline. */
    void tick(S state, MatchContext ctx);

    /** The match ended (by the game, by the engine as aborted, or by an operator); last chance to send messages. */
    default void end(S state, MatchResult result, MatchContext ctx) {}

    /** What clients see in {@code state} patches and join replies; the whole state by default. */
    default Object view(S state) {
        return state;
    }
}
