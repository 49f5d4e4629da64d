package org.gamebackend.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.accounts.internal.AccountService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/me}: the caller's own account. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "me", description = "The logged-in player's account")
class MeController {

    private final AccountService accounts;

    MeController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "The caller's profile")
    AccountService.Profile me(@AuthenticationPrincipal Jwt jwt) {
        return accounts.profile(PlayerId.parse(jwt.getSubject()));
    }

    @PatchMapping
    @Operation(
            summary = "Change display name or region; a guest sends email + password (and optionally a username)"
                    + " to become a full account")
    AccountService.Profile update(
            @Valid @RequestBody AuthRequests.ProfilePatch body, @AuthenticationPrincipal Jwt jwt) {
        return accounts.update(
                PlayerId.parse(jwt.getSubject()),
                new AccountService.ProfileChange(
                        body.displayName(), body.region(), body.username(), body.email(), body.password()));
    }
}
