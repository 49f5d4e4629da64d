package org.gamebackend.platform.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.gamebackend.platform.JwtKeys;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public keys of RS256/ES256 access tokens, so other services can verify them. */
@RestController
@Tag(name = "auth")
class JwksController {

    private final JwtKeys keys;

    JwksController(JwtKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/.well-known/jwks.json")
    @Operation(summary = "Public signing keys (JWKS); empty for HS256")
    Map<String, Object> jwks() {
        return keys.publicKeys().toJSONObject();
    }
}
