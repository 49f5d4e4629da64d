package org.gamebackend.platform.graphql;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on every GraphQL operation, checked before it runs (docs/graphql.md).
 *
 * @param maxDepth the deepest field nesting an operation may have ({@code { me { id } }} is 2)
 * @param maxComplexity the most fields an operation may select, each field counting 1 and a list field counting its
 *     {@code first}/{@code top} argument times its selection
 */
@Validated
@ConfigurationProperties("game.graphql")
public record GraphQlLimits(
        @DefaultValue("10") @Min(2) int maxDepth,
        @DefaultValue("500") @Min(10) int maxComplexity) {}
