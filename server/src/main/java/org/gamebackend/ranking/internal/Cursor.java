package org.gamebackend.ranking.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.gamebackend.platform.ApiException;

/**
 * The opaque cursors of paged answers: two values joined by {@code |}, base64url. Any cursor this server did not give
 * out is a 400 {@code bad_cursor}.
 */
record Cursor(String first, String second) {

    static Cursor parse(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new Cursor(raw.substring(0, bar), raw.substring(bar + 1));
        } catch (IllegalArgumentException e) {
            throw bad();
        }
    }

    static ApiException bad() {
        return ApiException.badField("cursor", "bad_cursor", "cursor is not one this server gave out");
    }

    String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((first + "|" + second).getBytes(StandardCharsets.UTF_8));
    }
}
