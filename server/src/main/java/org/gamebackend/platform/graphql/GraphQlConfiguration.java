package org.gamebackend.platform.graphql;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * What every module's GraphQL controllers share: the scalars, the error mapping, and the depth and complexity limits
 * (configured by {@link GraphQlLimits}). Introspection (GraphiQL, code generators) is left to graphql-java's own
 * introspection limits, since the standard introspection query is deeper than any real one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlLimits.class)
class GraphQlConfiguration {

    /** The page size assumed for a connection field asked without {@code first}: the REST default limit. */
    static final int DEFAULT_PAGE = 50;

    @Bean
    RuntimeWiringConfigurer gameScalars() {
        // ID replaces the built-in one, which strict mode would refuse: off for that one call only
        return wiring -> wiring.scalar(GameScalars.JSON)
                .strictMode(false)
                .scalar(GameScalars.ID)
                .strictMode(true);
    }

    /**
     * DataLoaders whose keys come from other DataLoaders' results (a history's matches, then their players' profiles)
     * are dispatched once per level too; without this, graphql-java may dispatch such a level in several batches.
     */
    @Bean
    WebGraphQlInterceptor dataLoaderChaining() {
        return (request, chain) -> {
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(
                            context -> context.put(DataLoaderDispatchingContextKeys.ENABLE_DATA_LOADER_CHAINING, true))
                    .build());
            return chain.next(request);
        };
    }

    @Bean
    GraphQlErrors graphQlErrors() {
        return new GraphQlErrors();
    }

    @Bean
    GraphQlErrors.ForSubscriptions graphQlSubscriptionErrors() {
        return new GraphQlErrors.ForSubscriptions();
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimits limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters params, @Nullable InstrumentationState state) {
                return introspection(params)
                        ? SimpleInstrumentationContext.noOp()
                        : super.beginExecuteOperation(params, state);
            }
        };
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(GraphQlLimits limits) {
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), complexity()) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters params, InstrumentationState state) {
                return introspection(params)
                        ? SimpleInstrumentationContext.noOp()
                        : super.beginExecuteOperation(params, state);
            }
        };
    }

    /**
     * Each field costs 1 plus what it selects; the {@code edges} of a paged or top-N field ({@code first} or {@code
     * top} argument) cost what they select once per item the page may hold.
     */
    static FieldComplexityCalculator complexity() {
        return (env, children) -> {
            FieldComplexityEnvironment parent = env.getParentEnvironment();
            if (!env.getField().getName().equals("edges") || parent == null) {
                return 1 + children;
            }
            return 1 + pageSize(parent) * children;
        };
    }

    private static int pageSize(FieldComplexityEnvironment connection) {
        var definition = connection.getFieldDefinition();
        String argument = definition.getArgument("first") != null
                ? "first"
                : definition.getArgument("top") != null ? "top" : null;
        if (argument == null) {
            return 1;
        }
        Object asked = connection.getArguments().get(argument);
        return asked instanceof Number n ? Math.max(1, n.intValue()) : DEFAULT_PAGE;
    }

    /** An operation that only asks {@code __schema} / {@code __type}. */
    static boolean introspection(InstrumentationExecuteOperationParameters params) {
        OperationDefinition operation = params.getExecutionContext().getOperationDefinition();
        return operation.getSelectionSet().getSelections().stream()
                .allMatch(s -> s instanceof Field f && f.getName().startsWith("__"));
    }
}
