package org.gamebackend.engine.internal;

import org.gamebackend.engine.InputResult;
import org.jspecify.annotations.Nullable;

/**
 * The answer to one input: the game's verdict, the tick it was applied before, and for inputs refused before the
 * game saw them, what was wrong with them.
 */
public record InputOutcome(
        InputResult result, long tick, @Nullable String detail) {

    InputOutcome(InputResult result, long tick) {
        this(result, tick, null);
    }
}
