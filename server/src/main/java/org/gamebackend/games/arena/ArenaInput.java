package org.gamebackend.games.arena;

import org.jspecify.annotations.Nullable;

/**
 * One input of one arena player, {@code {"seq": n, "move": [dx, dy], "fire": bool, "aim": angle}}. The engine has
 * already refused unknown fields and wrong JSON types; {@link Arena#input} checks the ranges.
 *
 * @param seq strictly increasing per player, starting at 1; the state echoes the last one applied as {@code last_seq}
 * @param move the direction to walk, each component in [-1, 1] (refused outside); held until the next input
 * @param fire whether the trigger is held; a press that is released within one tick still fires once
 * @param aim radians in [-2π, 2π]; 0 points along +x, π/2 along +y (down the field)
 */
@SuppressWarnings("ArrayRecordComponent") // parsed once from JSON and read twice; never compared or hashed
public record ArenaInput(long seq, double @Nullable [] move, boolean fire, double aim) {}
