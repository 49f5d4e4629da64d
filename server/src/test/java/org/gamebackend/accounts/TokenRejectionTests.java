package org.gamebackend.accounts;

import static org.gamebackend.support.Players.register;
import static org.gamebackend.support.Players.uniqueName;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.gamebackend.support.ApiTest;
import org.gamebackend.support.Players;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every kind of bad access token gets 401 problem+json; a PLAYER on an ADMIN route gets 403. */
@ApiTest
class TokenRejectionTests {

    @Autowired
    WebTestClient web;

    String playerId = "";

    @BeforeEach
    void player() {
        playerId = register(web, uniqueName("tok"), "password-123").playerId();
    }

    @Test
    void aWellFormedTokenIsAccepted() throws Exception {
        expectMe(
                hs256(
                        ApiTest.SECRET,
                        claims(playerId, "game-backend", Instant.now().plusSeconds(300))),
                200);
    }

    @Test
    void forgedTokenIsRejected() throws Exception {
        String good = hs256(
                ApiTest.SECRET, claims(playerId, "game-backend", Instant.now().plusSeconds(300)));
        String[] parts = good.split("\\.");
        String otherClaims = hs256(
                        ApiTest.SECRET,
                        claims(
                                UUID.randomUUID().toString(),
                                "game-backend",
                                Instant.now().plusSeconds(300)))
                .split("\\.")[1];
        expectInvalid(parts[0] + "." + otherClaims + "." + parts[2]);
    }

    @Test
    void expiredTokenIsRejected() throws Exception {
        expectInvalid(hs256(
                ApiTest.SECRET, claims(playerId, "game-backend", Instant.now().minusSeconds(600))));
    }

    @Test
    void unsignedAlgNoneTokenIsRejected() {
        expectInvalid(
                new PlainJWT(claims(playerId, "game-backend", Instant.now().plusSeconds(300))).serialize());
    }

    @Test
    void tokenSignedWithAnotherSecretIsRejected() throws Exception {
        expectInvalid(hs256(
                "another-secret-that-is-also-long-enough-0123456789",
                claims(playerId, "game-backend", Instant.now().plusSeconds(300))));
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() throws Exception {
        expectInvalid(hs256(
                ApiTest.SECRET, claims(playerId, "someone-else", Instant.now().plusSeconds(300))));
    }

    @Test
    void garbageAndMissingTokensAreRejected() {
        expectInvalid("not-a-jwt");
        web.get()
                .uri("/api/v1/me")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("unauthorized");
    }

    @Test
    void playerCannotUseAdminRoutesButAdminCan() {
        Players.Tokens player = register(web, uniqueName("plain"), "password-123");
        web.get()
                .uri("/api/v1/admin/players")
                .headers(h -> h.setBearerAuth(player.accessToken()))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("forbidden");
        Players.Tokens admin = Players.login(web, "admin", ApiTest.ADMIN_PASSWORD);
        web.get()
                .uri("/api/v1/admin/players?limit=5")
                .headers(h -> h.setBearerAuth(admin.accessToken()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(5);
    }

    private void expectMe(String token, int status) {
        web.get()
                .uri("/api/v1/me")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isEqualTo(status);
    }

    private void expectInvalid(String token) {
        web.get()
                .uri("/api/v1/me")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("invalid_token");
    }

    private static JWTClaimsSet claims(String subject, String issuer, Instant expires) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .issueTime(Date.from(expires.minusSeconds(900)))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("PLAYER", "ADMIN"))
                .build();
    }

    private static String hs256(String secret, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
