package org.gamebackend.accounts.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Request bodies of {@code /api/v1/auth}, validated at the edge. JSON names are snake_case. */
final class AuthRequests {

    static final String USERNAME = "^[A-Za-z0-9][A-Za-z0-9_.-]{2,23}$";
    static final String USERNAME_RULE =
            "must be 3 to 24 letters, digits, '_', '.' or '-', starting with a letter or digit";
    static final String DEVICE_ID = "^[A-Za-z0-9_.:-]{8,128}$";

    private AuthRequests() {}

    record Register(
            @NotNull @Pattern(regexp = USERNAME, message = USERNAME_RULE)
            String username,

            @NotBlank @Email(message = "must be an email address") @Size(max = 254)
            String email,

            @NotNull @Size(min = 8, max = 72, message = "must be 8 to 72 characters")
            String password) {}

    record Login(
            @NotBlank @Size(max = 254) String login,

            @NotNull @Size(min = 1, max = 72, message = "must be 1 to 72 characters")
            String password) {}

    record Guest(
            @NotNull @Pattern(regexp = DEVICE_ID, message = "must be 8 to 128 letters, digits, '_', '.', ':' or '-'")
            String deviceId) {}

    record Refresh(@NotBlank @Size(max = 128) String refreshToken) {}

    /** PATCH /me: every field optional; email + password (+ username) upgrade a guest. */
    record ProfilePatch(
            @Nullable
            @Size(min = 1, max = 32, message = "must be 1 to 32 characters")
            @Pattern(regexp = "^[^\\p{Cntrl}]*$", message = "must not contain control characters")
            String displayName,

            @Nullable @Size(max = 16) String region,

            @Nullable @Pattern(regexp = USERNAME, message = USERNAME_RULE)
            String username,

            @Nullable @Email(message = "must be an email address") @Size(max = 254)
            String email,

            @Nullable @Size(min = 8, max = 72, message = "must be 8 to 72 characters")
            String password) {}
}
