package org.gamebackend.platform.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gamebackend.platform.ApiException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure of a REST request into {@code application/problem+json} with a {@code detail} a person can act
 * on and a stable {@code code}; validation failures name the field. Runs before Spring Boot's own error handler.
 */
@Order(-2)
final class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final Problems problems;
    private final long maxBodyBytes;

    ProblemExceptionHandler(Problems problems, long maxBodyBytes) {
        this.problems = problems;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        Problem problem = toProblem(exchange, ex);
        Map<String, Object> body = Problems.body(
                problem.status(),
                problem.code(),
                problem.detail(),
                exchange.getRequest().getPath().value());
        if (problem.field() != null) {
            body.put("field", problem.field());
        }
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        HttpHeaders headers = exchange.getResponse().getHeaders();
        if (ex instanceof ResponseStatusException rse) {
            rse.getHeaders().forEach(headers::addAll);
        }
        if (ex instanceof ApiException api && api.retryAfter() != null) {
            headers.set(
                    HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, (api.retryAfter().toMillis() + 999) / 1000)));
        }
        return problems.write(exchange, problem.status(), body);
    }

    private Problem toProblem(ServerWebExchange exchange, Throwable ex) {
        if (ex instanceof ApiException api) {
            return new Problem(api.status(), api.code(), String.valueOf(api.getMessage()), api.field(), List.of());
        }
        if (ex instanceof WebExchangeBindException bind) {
            return validation(bind);
        }
        if (ex instanceof HandlerMethodValidationException invalid) {
            return parameters(invalid);
        }
        if (causedBy(ex, DataBufferLimitException.class) != null) {
            return Problem.of(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "payload_too_large",
                    "The request body is larger than the limit of " + maxBodyBytes + " bytes");
        }
        if (ex instanceof ServerWebInputException input) {
            return badInput(input);
        }
        if (ex instanceof MethodNotAllowedException m) {
            return Problem.of(
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "method_not_allowed",
                    exchange.getRequest().getMethod() + " is not allowed here; allowed: " + m.getSupportedMethods());
        }
        if (ex instanceof ResponseStatusException rse) {
            return fromStatus(exchange, rse);
        }
        if (ex instanceof AccessDeniedException) {
            return Problem.of(HttpStatus.FORBIDDEN, "forbidden", "Your roles do not allow this request");
        }
        String incident = UUID.randomUUID().toString();
        log.error(
                "Unhandled error on {} {} (incident {})",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                incident,
                ex);
        return Problem.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal_error",
                "An unexpected error occurred; it was logged as incident " + incident);
    }

    private static Problem validation(WebExchangeBindException bind) {
        return invalidFields(bind.getFieldErrors().stream()
                .map(e -> Map.of("field", snake(e.getField()), "message", message(e)))
                .toList());
    }

    private static Problem parameters(HandlerMethodValidationException invalid) {
        return invalidFields(invalid.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(e -> Map.of(
                                "field",
                                snake(String.valueOf(r.getMethodParameter().getParameterName())),
                                "message",
                                String.valueOf(e.getDefaultMessage()))))
                .toList());
    }

    /** 400 naming the first invalid field in {@code detail} and {@code field}, and listing all of them. */
    private static Problem invalidFields(List<Map<String, String>> errors) {
        if (errors.isEmpty()) {
            return Problem.of(HttpStatus.BAD_REQUEST, "validation_failed", "The request is invalid");
        }
        Map<String, String> first = errors.getFirst();
        return new Problem(
                HttpStatus.BAD_REQUEST,
                "validation_failed",
                first.get("field") + ": " + first.get("message"),
                first.get("field"),
                errors);
    }

    private static Problem badInput(ServerWebInputException input) {
        JacksonException json = causedBy(input, JacksonException.class);
        if (json != null && !json.getPath().isEmpty()) {
            String field = json.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            return new Problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid_field",
                    field + ": has the wrong type or format (" + firstLine(json.getOriginalMessage()) + ")",
                    field,
                    List.of());
        }
        if (json != null) {
            var at = json.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return Problem.of(HttpStatus.BAD_REQUEST, "malformed_json", "The request body is not valid JSON" + where);
        }
        String reason = input.getReason() == null ? "" : input.getReason();
        if (reason.contains("No request body") || reason.contains("body is missing")) {
            return Problem.of(HttpStatus.BAD_REQUEST, "missing_body", "This request needs a JSON body");
        }
        return Problem.of(
                HttpStatus.BAD_REQUEST, "bad_request", reason.isEmpty() ? "The request could not be read" : reason);
    }

    private static Problem fromStatus(ServerWebExchange exchange, ResponseStatusException rse) {
        HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
        if (status == HttpStatus.NOT_FOUND) {
            return Problem.of(
                    status,
                    "not_found",
                    "No resource at " + exchange.getRequest().getMethod() + " "
                            + exchange.getRequest().getPath());
        }
        HttpStatus resolved = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        String code = resolved.name().toLowerCase(java.util.Locale.ROOT);
        String detail = rse.getReason() != null ? rse.getReason() : resolved.getReasonPhrase();
        return new Problem(resolved, code, detail, null, List.of());
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    /** Request fields are snake_case on the wire; Java record components are camelCase. */
    static String snake(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static <T extends Throwable> @Nullable T causedBy(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private record Problem(
            HttpStatus status,
            String code,
            String detail,
            @Nullable String field,
            List<Map<String, String>> errors) {
        static Problem of(HttpStatus status, String code, String detail) {
            return new Problem(status, code, detail, null, List.of());
        }
    }
}
