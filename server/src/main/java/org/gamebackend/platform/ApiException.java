package org.gamebackend.platform;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A failure that crosses the REST API as a value: an HTTP status, a stable machine-readable {@code code}, a sentence
 * for people, and optionally the request field at fault and how long to wait before retrying. Rendered as {@code
 * application/problem+json}.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String code;
    private final @Nullable String field;
    private final @Nullable Duration retryAfter;

    public ApiException(HttpStatus status, String code, String detail) {
        this(status, code, detail, null, null);
    }

    private ApiException(
            HttpStatus status, String code, String detail, @Nullable String field, @Nullable Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public static ApiException badField(String field, String code, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, detail, field, null);
    }

    public static ApiException conflict(String field, String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, detail, field, null);
    }

    public static ApiException tooManyRequests(String code, String detail, Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, code, detail, null, retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public @Nullable String field() {
        return field;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
