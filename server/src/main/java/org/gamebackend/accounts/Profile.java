package org.gamebackend.accounts;

import org.jspecify.annotations.Nullable;

/**
 * What other players may see of a player.
 *
 * @param region the player's home region, null until the player sets one
 */
public record Profile(
        PlayerId id, String displayName, @Nullable String region, boolean guest) {}
