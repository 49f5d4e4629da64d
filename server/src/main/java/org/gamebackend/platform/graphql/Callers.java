package org.gamebackend.platform.graphql;

import org.gamebackend.platform.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is asking, for GraphQL controllers. {@code /graphql} itself is open (introspection, public boards); each field
 * that REST serves only with a token asks for the caller here and fails with {@code UNAUTHORIZED} without one.
 */
public final class Callers {

    private Callers() {}

    /** The {@code sub} claim of the caller's access token. */
    public static String subject(@Nullable Jwt jwt) {
        if (jwt == null) {
            throw new ApiException(
                    HttpStatus.UNAUTHORIZED,
                    "unauthorized",
                    "This field needs an access token: send Authorization: Bearer <access_token> (over graphql-ws:"
                            + " connection_init {\"Authorization\": \"Bearer <access_token>\"})");
        }
        return jwt.getSubject();
    }
}
