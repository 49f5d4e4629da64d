package org.gamebackend.platform;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token settings ({@code game.security.*}).
 *
 * @param jwt how access tokens are signed and how long they live
 * @param secretKeyBase {@code SECRET_KEY_BASE}: the base secret from which the JWT secret is derived when none is set
 * @param refreshTokenTtl how long a refresh token lives (each use rotates it)
 */
@ConfigurationProperties("game.security")
public record SecurityProperties(
        @DefaultValue Jwt jwt,
        @Nullable String secretKeyBase,
        @DefaultValue("30d") Duration refreshTokenTtl) {

    /**
     * @param algorithm HS256 (shared secret), RS256 or ES256 (a key pair; the public key is served as a JWKS)
     * @param secret {@code JWT_SECRET} or {@code GUARDIAN_SECRET}: at least 32 bytes, for HS256
     * @param keyFile a JWK (JSON) holding the private key, for RS256/ES256
     * @param issuer the {@code iss} claim written and required
     * @param accessTokenTtl lifetime of an access token
     */
    public record Jwt(
            @DefaultValue("HS256") String algorithm,
            @Nullable String secret,
            @Nullable Path keyFile,
            @DefaultValue("game-backend") String issuer,
            @DefaultValue("15m") Duration accessTokenTtl) {}
}
