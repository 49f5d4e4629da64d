package org.gamebackend.accounts.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code players}. */
record Player(
        UUID id,
        String username,
        @Nullable String email,
        @Nullable String passwordHash,
        String displayName,
        @Nullable String region,
        List<String> roles,
        boolean guest,
        @Nullable String deviceId,
        int failedLogins,
        @Nullable Instant lockedUntil) {

    static final String PLAYER = "PLAYER";
    static final String ADMIN = "ADMIN";

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
