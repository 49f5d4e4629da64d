package org.gamebackend.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gamebackend.support.Players.register;
import static org.gamebackend.support.Players.uniqueName;

import org.gamebackend.support.ApiTest;
import org.gamebackend.support.Metrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class OperationsTests {

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    @Test
    void prometheusMetricsAtSlashMetrics() {
        register(web, uniqueName("m"), "password-1");
        assertThat(Metrics.scrape(port))
                .contains("jvm_memory_used_bytes")
                .contains("http_server_requests_seconds_bucket")
                .contains("hikaricp_connections")
                .contains("accounts_registrations_total{application=\"game-backend\",kind=\"password\"}");
    }

    @Test
    void healthProbes() {
        for (String path : new String[] {"/health", "/health/liveness", "/health/readiness"}) {
            web.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP");
        }
        web.get()
                .uri("/health/readiness")
                .exchange()
                .expectBody()
                .jsonPath("$.components.db.status")
                .isEqualTo("UP");
    }

    @Test
    void openApiDocumentsEveryEndpointWithBearerAndErrors() {
        web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.securitySchemes.bearer.scheme")
                .isEqualTo("bearer")
                .jsonPath("$.components.schemas.Problem.properties.detail")
                .exists()
                .jsonPath("$.components.schemas.TokenResponse.properties.access_token")
                .exists()
                .jsonPath("$.paths['/api/v1/auth/register'].post.responses['409'].content['application/problem+json']")
                .exists()
                .jsonPath("$.paths['/api/v1/auth/register'].post.responses['400'].content['application/problem+json']")
                .exists()
                .jsonPath("$.paths['/api/v1/auth/login'].post.security")
                .isEmpty()
                .jsonPath("$.paths['/api/v1/auth/login'].post.responses['401'].content['application/problem+json']")
                .exists()
                .jsonPath("$.paths['/api/v1/me'].get")
                .exists()
                .jsonPath("$.paths['/api/v1/me'].patch.responses['401']")
                .exists()
                .jsonPath("$.paths['/api/v1/admin/players'].get.responses['403']")
                .exists();
        web.get().uri("/api-docs").exchange().expectStatus().is3xxRedirection();
        web.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    @Test
    void jwksIsEmptyForSharedSecretTokens() {
        web.get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.keys")
                .isEmpty();
    }
}
