package org.gamebackend.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.gamebackend.platform.JwtKeys;
import org.gamebackend.platform.SecurityProperties;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Signs access tokens: {@code sub} (player id), {@code roles}, {@code iat}, {@code exp}, {@code jti}, {@code iss}. */
@Component
class TokenIssuer {

    private final JwtKeys keys;
    private final JwtEncoder encoder;
    private final SecurityProperties props;
    private final Clock clock;

    TokenIssuer(JwtKeys keys, SecurityProperties props, Clock clock) {
        this.keys = keys;
        this.encoder = keys.encoder();
        this.props = props;
        this.clock = clock;
    }

    String accessToken(Player player) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(props.jwt().issuer())
                .subject(player.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(props.jwt().accessTokenTtl()))
                .id(UUID.randomUUID().toString())
                .claim("roles", player.roles())
                .claim("guest", player.guest())
                .build();
        return encoder.encode(JwtEncoderParameters.from(keys.header(), claims)).getTokenValue();
    }

    long accessTokenTtlSeconds() {
        return props.jwt().accessTokenTtl().toSeconds();
    }
}
