package org.gamebackend.platform;

import java.util.List;

/**
 * Paths a module serves without an access token (for example login). Every other {@code /api/**} route needs a valid
 * bearer token. Modules contribute these as beans; the security configuration collects them.
 *
 * @param patterns Spring path patterns, such as {@code /api/v1/auth/login}
 */
public record PublicEndpoints(List<String> patterns) {

    public static PublicEndpoints of(String... patterns) {
        return new PublicEndpoints(List.of(patterns));
    }
}
