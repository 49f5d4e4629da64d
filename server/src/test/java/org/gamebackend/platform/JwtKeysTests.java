package org.gamebackend.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

class JwtKeysTests {

    @TempDir
    Path dataDir;

    @Test
    void es256KeyPairIsGeneratedOnceInStandaloneAndPublishedAsJwks() {
        JwtKeys keys = JwtKeys.load(props("ES256", null), game(GameMode.STANDALONE));
        String token = sign(keys);
        Jwt decoded = keys.decoder().decode(token).block(Duration.ofSeconds(5));
        assertThat(decoded).isNotNull();
        assertThat(decoded.getSubject()).isEqualTo("p1");
        assertThat(keys.publicKeys().getKeys()).hasSize(1);
        assertThat(keys.publicKeys().getKeys().getFirst().isPrivate()).isFalse();
        // loading again reads the same key: tokens survive a restart
        JwtKeys again = JwtKeys.load(props("ES256", null), game(GameMode.STANDALONE));
        assertThat(again.decoder().decode(token).block(Duration.ofSeconds(5))).isNotNull();
    }

    @Test
    void rs256RoundTrip() {
        JwtKeys keys = JwtKeys.load(props("RS256", null), game(GameMode.STANDALONE));
        assertThat(keys.decoder().decode(sign(keys)).block(Duration.ofSeconds(5)))
                .isNotNull();
        assertThat(keys.publicKeys().getKeys().getFirst().getKeyType().getValue())
                .isEqualTo("RSA");
    }

    @Test
    void secretKeyBaseDerivesTheHmacSecret() {
        var props = new SecurityProperties(
                new SecurityProperties.Jwt("HS256", null, null, "game-backend", Duration.ofMinutes(15)),
                "a-secret-key-base-that-is-long-enough-0123456789",
                Duration.ofDays(30));
        JwtKeys keys = JwtKeys.load(props, game(GameMode.CONNECTED));
        assertThat(keys.decoder().decode(sign(keys)).block(Duration.ofSeconds(5)))
                .isNotNull();
        assertThat(keys.publicKeys().getKeys()).isEmpty();
    }

    @Test
    void outsideStandaloneAKeyIsRequired() {
        assertThatIllegalStateException()
                .isThrownBy(() -> JwtKeys.load(props("HS256", null), game(GameMode.CLUSTER)))
                .withMessageContaining("JWT_SECRET");
        assertThatIllegalStateException()
                .isThrownBy(() -> JwtKeys.load(props("ES256", null), game(GameMode.CONNECTED)))
                .withMessageContaining("JWT_KEY_FILE");
        assertThatIllegalStateException()
                .isThrownBy(() -> JwtKeys.load(props("HS512", "x".repeat(40)), game(GameMode.STANDALONE)))
                .withMessageContaining("HS256, RS256 or ES256");
    }

    private static String sign(JwtKeys keys) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject("p1")
                .issuer("game-backend")
                .issuedAt(now)
                .expiresAt(now.plusSeconds(60))
                .build();
        return keys.encoder()
                .encode(JwtEncoderParameters.from(keys.header(), claims))
                .getTokenValue();
    }

    private static SecurityProperties props(String algorithm, String secret) {
        return new SecurityProperties(
                new SecurityProperties.Jwt(algorithm, secret, null, "game-backend", Duration.ofMinutes(15)),
                null,
                Duration.ofDays(30));
    }

    private GameProperties game(GameMode mode) {
        return new GameProperties(mode, dataDir, List.of("eu"), "");
    }
}
