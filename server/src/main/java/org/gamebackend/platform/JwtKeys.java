package org.gamebackend.platform;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.util.StringUtils;
import reactor.core.publisher.Flux;

/**
 * The keys access tokens are signed and checked with. HS256 uses a shared secret of at least 32 bytes ({@code
 * JWT_SECRET}/{@code GUARDIAN_SECRET}, else derived from {@code SECRET_KEY_BASE}); RS256 and ES256 use a key pair read
 * from a JWK file. Standalone mode generates what is missing once and keeps it under the data directory, so tokens
 * survive restarts; every other mode refuses to start without one.
 */
public final class JwtKeys {

    private static final Logger log = LoggerFactory.getLogger(JwtKeys.class);
    private static final int MIN_SECRET_BYTES = 32;

    private final String algorithm;
    private final @Nullable SecretKey secret;
    private final @Nullable JWK keyPair;

    private JwtKeys(String algorithm, @Nullable SecretKey secret, @Nullable JWK keyPair) {
        this.algorithm = algorithm;
        this.secret = secret;
        this.keyPair = keyPair;
    }

    public static JwtKeys load(SecurityProperties props, GameProperties game) {
        String algorithm = props.jwt().algorithm().trim().toUpperCase(Locale.ROOT);
        return switch (algorithm) {
            case "HS256" -> new JwtKeys(algorithm, hmacSecret(props, game), null);
            case "RS256", "ES256" -> new JwtKeys(algorithm, null, keyPair(algorithm, props, game));
            default ->
                throw new IllegalStateException(
                        "game.security.jwt.algorithm=" + algorithm + " is not supported: use HS256, RS256 or ES256");
        };
    }

    /** The header every access token carries. */
    public JwsHeader header() {
        if (keyPair != null) {
            return JwsHeader.with(SignatureAlgorithm.from(algorithm))
                    .keyId(keyPair.getKeyID())
                    .build();
        }
        return JwsHeader.with(MacAlgorithm.HS256).build();
    }

    public JwtEncoder encoder() {
        if (keyPair != null) {
            return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keyPair)));
        }
        return NimbusJwtEncoder.withSecretKey(requireSecret())
                .algorithm(MacAlgorithm.HS256)
                .build();
    }

    public NimbusReactiveJwtDecoder decoder() {
        if (keyPair != null) {
            JWKSet publicKeys = publicKeys();
            return NimbusReactiveJwtDecoder.withJwkSource(jwt -> Flux.fromIterable(publicKeys.getKeys()))
                    .jwsAlgorithm(SignatureAlgorithm.from(algorithm))
                    .build();
        }
        return NimbusReactiveJwtDecoder.withSecretKey(requireSecret())
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
    }

    /** The public keys as a JWK set (empty for HS256, whose secret is never published). */
    public JWKSet publicKeys() {
        return keyPair == null ? new JWKSet() : new JWKSet(keyPair.toPublicJWK());
    }

    private SecretKey requireSecret() {
        if (secret == null) {
            throw new IllegalStateException("no HMAC secret for " + algorithm);
        }
        return secret;
    }

    private static SecretKey hmacSecret(SecurityProperties props, GameProperties game) {
        String configured = props.jwt().secret();
        if (StringUtils.hasText(configured)) {
            return hmacKey(checkLength(configured, "JWT_SECRET (or GUARDIAN_SECRET)"));
        }
        String base = props.secretKeyBase();
        if (StringUtils.hasText(base)) {
            return hmacKey(derive(checkLength(base, "SECRET_KEY_BASE"), "game-backend access tokens"));
        }
        if (!game.standalone()) {
            throw new IllegalStateException("No JWT secret: in " + game.mode().profile()
                    + " mode set JWT_SECRET (or GUARDIAN_SECRET, or SECRET_KEY_BASE) to at least "
                    + MIN_SECRET_BYTES + " bytes, for example JWT_SECRET=$(openssl rand -base64 48)");
        }
        Path file = game.dataDir().resolve("secrets/jwt-secret");
        return hmacKey(readOrCreate(file, () -> {
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }));
    }

    private static JWK keyPair(String algorithm, SecurityProperties props, GameProperties game) {
        Path file = props.jwt().keyFile();
        if (file == null) {
            if (!game.standalone()) {
                throw new IllegalStateException("game.security.jwt.algorithm=" + algorithm
                        + " needs a private key: set JWT_KEY_FILE to a JWK (JSON) file");
            }
            file = game.dataDir().resolve("secrets/jwt-" + algorithm.toLowerCase(Locale.ROOT) + ".jwk.json");
        }
        boolean mayCreate = game.standalone();
        Path keyFile = file;
        String json = mayCreate ? readOrCreate(keyFile, () -> generate(algorithm)) : read(keyFile);
        try {
            JWK jwk = JWK.parse(json);
            if (!jwk.isPrivate()) {
                throw new IllegalStateException("JWT key file " + keyFile + " holds no private key");
            }
            return jwk;
        } catch (ParseException e) {
            throw new IllegalStateException("JWT key file " + keyFile + " is not a JWK: " + e.getMessage(), e);
        }
    }

    private static String generate(String algorithm) {
        try {
            String kid = UUID.randomUUID().toString();
            JWK jwk = "RS256".equals(algorithm)
                    ? new RSAKeyGenerator(2048)
                            .keyID(kid)
                            .keyUse(KeyUse.SIGNATURE)
                            .algorithm(JWSAlgorithm.RS256)
                            .generate()
                    : new ECKeyGenerator(Curve.P_256)
                            .keyID(kid)
                            .keyUse(KeyUse.SIGNATURE)
                            .algorithm(JWSAlgorithm.ES256)
                            .generate();
            return jwk.toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a " + algorithm + " key", e);
        }
    }

    private static String checkLength(String secret, String name) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException(name + " is shorter than " + MIN_SECRET_BYTES
                    + " bytes: use a longer random value, for example $(openssl rand -base64 48)");
        }
        return secret;
    }

    private static SecretKey hmacKey(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    private static String derive(String base, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(base.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] derived = mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(derived);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String readOrCreate(Path file, java.util.function.Supplier<String> create) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            String value = create.get();
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "secret", ".tmp");
            trySetOwnerOnly(tmp);
            Files.writeString(tmp, value);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.info("Generated a signing key for standalone mode in {}", file);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the signing key in " + file, e);
        }
    }

    private static void trySetOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }
}
