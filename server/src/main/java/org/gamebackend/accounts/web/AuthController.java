package org.gamebackend.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.accounts.internal.AccountService;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/auth}: register, login, guest login, refresh, logout. Blocking methods: they run on virtual threads. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "Accounts and tokens")
class AuthController {

    private final AccountService accounts;

    AuthController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirements
    @Operation(summary = "Create an account and log in")
    @ApiResponse(responseCode = "201", description = "Registered; tokens issued")
    @ApiResponse(responseCode = "409", description = "Username or email taken (problem+json naming the field)")
    TokenResponse register(@Valid @RequestBody AuthRequests.Register body, ServerHttpRequest request) {
        return TokenResponse.of(accounts.register(body.username(), body.email(), body.password(), ip(request)));
    }

    @PostMapping("/login")
    @SecurityRequirements
    @Operation(summary = "Log in with username or email and password")
    @ApiResponse(responseCode = "200", description = "Tokens issued")
    @ApiResponse(responseCode = "401", description = "Wrong login or password")
    @ApiResponse(responseCode = "429", description = "Rate limited, or the account is locked after failed logins")
    TokenResponse login(@Valid @RequestBody AuthRequests.Login body, ServerHttpRequest request) {
        return TokenResponse.of(accounts.login(body.login(), body.password(), ip(request)));
    }

    @PostMapping("/guest")
    @SecurityRequirements
    @Operation(summary = "Log in as the guest of a device (created on first use)")
    @ApiResponse(responseCode = "200", description = "Tokens issued")
    TokenResponse guest(@Valid @RequestBody AuthRequests.Guest body, ServerHttpRequest request) {
        return TokenResponse.of(accounts.guest(body.deviceId(), ip(request)));
    }

    @PostMapping("/refresh")
    @SecurityRequirements
    @Operation(summary = "Exchange a refresh token for new tokens (the refresh token is rotated)")
    @ApiResponse(responseCode = "200", description = "New tokens")
    @ApiResponse(
            responseCode = "401",
            description = "Unknown, expired or revoked refresh token; a reused one revokes its whole login")
    TokenResponse refresh(@Valid @RequestBody AuthRequests.Refresh body, ServerHttpRequest request) {
        return TokenResponse.of(accounts.refresh(body.refreshToken(), ip(request)));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke the login a refresh token belongs to")
    @ApiResponse(responseCode = "204", description = "Revoked (also when the token was unknown)")
    void logout(@Valid @RequestBody AuthRequests.Refresh body, @AuthenticationPrincipal Jwt jwt) {
        accounts.logout(PlayerId.parse(jwt.getSubject()), body.refreshToken());
    }

    private static String ip(ServerHttpRequest request) {
        var address = request.getRemoteAddress();
        return address == null || address.getAddress() == null
                ? "unknown"
                : address.getAddress().getHostAddress();
    }
}
