package org.gamebackend.engine;

/** What a game says of one input: applied, or refused with a reason the player sees (state unchanged). */
public sealed interface InputResult {

    InputResult OK = new Accepted();

    static InputResult ok() {
        return OK;
    }

    static InputResult reject(String reason) {
        return new Rejected(reason);
    }

    record Accepted() implements InputResult {}

    /** @param reason short, snake_case, e.g. {@code not_your_turn}, {@code cell_taken} */
    record Rejected(String reason) implements InputResult {}
}
