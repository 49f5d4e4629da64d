package org.gamebackend.platform.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gamebackend.platform.ApiException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Domain failures as GraphQL errors: {@code extensions.classification} is Spring's {@link ErrorType} for the REST status
 * (400, 409 and 429 are BAD_REQUEST; 401 UNAUTHORIZED; 403 FORBIDDEN; 404 NOT_FOUND; the rest INTERNAL_ERROR), and
 * {@code extensions.code}, {@code status}, {@code field} and {@code retryAfterSeconds} carry what problem+json carries.
 * Anything unexpected is logged and answered without its message.
 */
final class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    @Override
    protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        return toError(ex, env);
    }

    /** The same mapping for errors a subscription's stream ends with. */
    static final class ForSubscriptions extends SubscriptionExceptionResolverAdapter {

        @Override
        protected @Nullable GraphQLError resolveToSingleError(Throwable ex) {
            return toError(ex, null);
        }
    }

    static @Nullable GraphQLError toError(Throwable ex, @Nullable DataFetchingEnvironment env) {
        if (ex instanceof ApiException api) {
            Map<String, Object> extensions = extensions(api.status(), api.code());
            if (api.field() != null) {
                extensions.put("field", api.field());
            }
            if (api.retryAfter() != null) {
                extensions.put("retryAfterSeconds", api.retryAfter().toSeconds());
            }
            return error(env, classify(api.status()), String.valueOf(api.getMessage()), extensions);
        }
        if (ex instanceof ConstraintViolationException invalid) {
            ConstraintViolation<?> first =
                    invalid.getConstraintViolations().iterator().next();
            String path = first.getPropertyPath().toString();
            String field = path.substring(path.lastIndexOf('.') + 1);
            Map<String, Object> extensions = extensions(HttpStatus.BAD_REQUEST, "validation_failed");
            extensions.put("field", field);
            return error(env, ErrorType.BAD_REQUEST, field + " " + first.getMessage(), extensions);
        }
        if (ex instanceof IllegalArgumentException bad) {
            // ids that are not UUIDs, and the like: the client's fault
            return error(
                    env,
                    ErrorType.BAD_REQUEST,
                    bad.getMessage() == null ? "Bad argument" : bad.getMessage(),
                    extensions(HttpStatus.BAD_REQUEST, "bad_request"));
        }
        if (ex instanceof org.springframework.security.access.AccessDeniedException
                || ex instanceof org.springframework.security.core.AuthenticationException) {
            return null; // Spring's security resolver answers these
        }
        log.error(
                "GraphQL field {} failed",
                env == null ? "(subscription)" : env.getExecutionStepInfo().getPath(),
                ex);
        return error(
                env,
                ErrorType.INTERNAL_ERROR,
                "Internal error",
                extensions(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error"));
    }

    static ErrorType classify(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> ErrorType.UNAUTHORIZED;
            case 403 -> ErrorType.FORBIDDEN;
            case 404 -> ErrorType.NOT_FOUND;
            default -> status.is4xxClientError() ? ErrorType.BAD_REQUEST : ErrorType.INTERNAL_ERROR;
        };
    }

    private static Map<String, Object> extensions(HttpStatusCode status, String code) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        extensions.put("status", status.value());
        return extensions;
    }

    private static GraphQLError error(
            @Nullable DataFetchingEnvironment env, ErrorType type, String message, Map<String, Object> extensions) {
        return (env == null ? GraphqlErrorBuilder.newError() : GraphqlErrorBuilder.newError(env))
                .errorType(type)
                .message(message)
                .extensions(extensions)
                .build();
    }
}
