package org.gamebackend.platform.graphql;

import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalar.GraphqlIDCoercing;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.GraphQLScalarType;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The scalars the schema uses beyond the built-in ones: {@code JSON} (a game's own result or state, passed through as
 * it is) and an {@code ID} that also writes the typed ids ({@code PlayerId}, {@code MatchId}, ...) by their {@code
 * toString()}, so that controllers can return domain records unchanged.
 */
final class GameScalars {

    private GameScalars() {}

    static final GraphQLScalarType JSON = GraphQLScalarType.newScalar()
            .name("JSON")
            .description("Any JSON value, as the game wrote it (a match's result, for example)")
            .coercing(new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object value, GraphQLContext context, Locale locale) {
                    return value;
                }

                @Override
                public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                    return input;
                }

                @Override
                public Object parseLiteral(
                        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    throw new CoercingParseLiteralException("JSON arguments must be passed as variables");
                }
            })
            .build();

    static final GraphQLScalarType ID = GraphQLScalarType.newScalar(Scalars.GraphQLID)
            .coercing(new Coercing<Object, Object>() {
                private final GraphqlIDCoercing ids = new GraphqlIDCoercing();

                @Override
                public @Nullable Object serialize(Object value, GraphQLContext context, Locale locale) {
                    Object plain = value instanceof CharSequence || value instanceof Number || value instanceof UUID
                            ? value
                            : value.toString();
                    return ids.serialize(plain, context, locale);
                }

                @Override
                public @Nullable Object parseValue(Object input, GraphQLContext context, Locale locale) {
                    return ids.parseValue(input, context, locale);
                }

                @Override
                public @Nullable Object parseLiteral(
                        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    return ids.parseLiteral(input, variables, context, locale);
                }
            })
            .build();
}
