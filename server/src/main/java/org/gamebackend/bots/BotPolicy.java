package org.gamebackend.bots;

import java.util.List;
import org.gamebackend.engine.Seat;

/**
 * How bots play one game: a factory of {@link Bot}s, one per seat, and what a remote model needs to know. Register an
 * implementation as a bean (beside the game's own bean) and every bot seat of that game is played by it.
 *
 * <p>Bots run on the match's tick worker, inline, once per tick: {@link Bot#decide} must take microseconds, not
 * milliseconds (a few thousand matches share a core). What they return is an ordinary input — validated by the game
 * and recorded for replays — so a bot can do nothing a player could not, and its randomness needs no care.
 *
 * @param <S> the game's state type (read only: never change it)
 * @param <I> the game's input type
 */
public interface BotPolicy<S, I> {

    /** The game played: its {@code GameSpec} name. */
    String game();

    Class<S> stateType();

    Class<I> inputType();

    /** A bot for one seat; it may keep memory of its own (a target, the next sequence number). */
    Bot<S, I> create(BotSeat seat);

    /**
     * What a remote policy server sees of the state, from this seat's side: anything Jackson writes as JSON. Usually
     * the game's client view plus whose turn it is; it is the contract with the model, so version it with care.
     */
    Object observe(S state, Seat seat);

    /**
     * The inputs this seat may send now, for remote policies that pick from a list (a turn-based game's moves).
     * Empty when any input of the type is allowed (a real-time game's continuous controls) or when it is not the
     * seat's turn.
     */
    default List<I> legalActions(S state, Seat seat) {
        return List.of();
    }

    /**
     * Whether the seat has a decision to make at all this tick (a remote request is sent only then). Turn-based games
     * answer "is it my turn"; real-time games usually every few ticks.
     */
    boolean wantsDecision(S state, Seat seat, long tick);
}
