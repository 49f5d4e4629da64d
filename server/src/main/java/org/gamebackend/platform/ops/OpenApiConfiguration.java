package org.gamebackend.platform.ops;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document: the bearer scheme, and the problem+json error responses every operation can give (400, 401,
 * 403, 404, 413, 429, 500), so each controller documents only what is particular to it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Map<String, String> STANDARD_ERRORS = Map.of(
            "400", "Invalid request: bad JSON, a missing or invalid field (named in `field`)",
            "401", "Missing, expired or invalid access token",
            "403", "The token's roles do not allow this",
            "413", "Request body too large",
            "429", "Rate limited; see the Retry-After header",
            "500", "Unexpected server error");

    @Bean
    OpenAPI gameBackendOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("game-backend API")
                        .version("v1")
                        .description("REST API of the game backend. Access tokens are JWTs from /api/v1/auth/*;"
                                + " every error is application/problem+json (RFC 9457).")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** JSON on the wire is snake_case; the schemas must say so too (springdoc reads models with its own mapper). */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenApiCustomizer standardErrorResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas("Problem", problemSchema());
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(OpenApiConfiguration::addStandardErrors));
        };
    }

    /** Every error response is a problem document; the standard ones are added where an operation names none. */
    private static void addStandardErrors(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.replaceAll((status, response) ->
                status.startsWith("4") || status.startsWith("5") ? problem(response.getDescription()) : response);
        STANDARD_ERRORS.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, problem(description));
            }
        });
        operation.setResponses(responses);
    }

    static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Map<String, Schema> properties = Map.of(
                "type", new StringSchema().description("URI naming the kind of problem"),
                "title", new StringSchema(),
                "status", new IntegerSchema(),
                "detail", new StringSchema().description("What went wrong, for people"),
                "instance", new StringSchema().description("The request path"),
                "code", new StringSchema().description("Stable machine-readable code, e.g. validation_failed"),
                "field", new StringSchema().description("The request field at fault (validation errors)"));
        ObjectSchema schema = new ObjectSchema();
        schema.setProperties(new java.util.LinkedHashMap<>(properties));
        schema.setRequired(List.of("type", "title", "status", "detail", "code"));
        return schema;
    }
}
