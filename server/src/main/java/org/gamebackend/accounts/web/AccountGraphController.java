package org.gamebackend.accounts.web;

import jakarta.validation.Valid;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.gamebackend.accounts.PlayerId;
import org.gamebackend.accounts.Profile;
import org.gamebackend.accounts.internal.AccountService;
import org.gamebackend.platform.graphql.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;

/** GraphQL {@code me}, {@code player(id)} and {@code updateProfile}: what {@code /api/v1/me} serves (accounts.graphqls). */
@Controller
class AccountGraphController {

    private final AccountService accounts;

    AccountGraphController(AccountService accounts) {
        this.accounts = accounts;
    }

    @QueryMapping
    AccountService.Profile me(@AuthenticationPrincipal @Nullable Jwt jwt) {
        return accounts.profile(caller(jwt));
    }

    @QueryMapping
    CompletableFuture<@Nullable Profile> player(
            @Argument String id, DataLoader<PlayerId, Profile> profiles, @AuthenticationPrincipal @Nullable Jwt jwt) {
        caller(jwt);
        return profiles.load(PlayerId.parse(id));
    }

    @MutationMapping
    AccountService.Profile updateProfile(
            @Argument @Valid AuthRequests.ProfilePatch input, @AuthenticationPrincipal @Nullable Jwt jwt) {
        return accounts.update(
                caller(jwt),
                new AccountService.ProfileChange(
                        input.displayName(), input.region(), input.username(), input.email(), input.password()));
    }

    private static PlayerId caller(@Nullable Jwt jwt) {
        return PlayerId.parse(Callers.subject(jwt));
    }
}
