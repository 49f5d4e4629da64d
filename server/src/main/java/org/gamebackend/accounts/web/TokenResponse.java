package org.gamebackend.accounts.web;

import java.util.UUID;
import org.gamebackend.accounts.internal.AccountService;

/** {@code {player_id, access_token, refresh_token, expires_in, token_type}}. */
record TokenResponse(UUID playerId, String accessToken, String refreshToken, long expiresIn, String tokenType) {

    static TokenResponse of(AccountService.Tokens tokens) {
        return new TokenResponse(
                tokens.playerId(), tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(), "Bearer");
    }
}
