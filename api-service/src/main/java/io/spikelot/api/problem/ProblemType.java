package io.spikelot.api.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/** The stable {@code type} URIs of the API's problem+json responses (RFC 9457). */
public enum ProblemType {
    VALIDATION("validation", "Invalid request", HttpStatus.BAD_REQUEST),
    MALFORMED_JSON("malformed-json", "Malformed JSON", HttpStatus.BAD_REQUEST),
    BAD_REQUEST("bad-request", "Bad request", HttpStatus.BAD_REQUEST),
    UNAUTHORIZED("unauthorized", "Missing or unknown API key", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Not allowed with this credential", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    CONFLICT("conflict", "Conflict", HttpStatus.CONFLICT),
    IDEMPOTENCY_CONFLICT("idempotency-key-reused", "Idempotency-Key reused with another request", HttpStatus.CONFLICT),
    JOB_FINISHED("job-finished", "The job has already finished", HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    QUOTA_EXCEEDED("quota-exceeded", "Tenant quota exceeded", HttpStatus.TOO_MANY_REQUESTS),
    RANGE_NOT_SATISFIABLE("range-not-satisfiable", "Range not satisfiable", HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE),
    REQUEST_TOO_LARGE(
            "request-too-large", "Request line or headers too large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE),
    UNAVAILABLE("unavailable", "Service temporarily unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL("internal", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR);

    private static final String PREFIX = "urn:spikelot:problem:";

    private final String slug;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return URI.create(PREFIX + slug);
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }

    /** The type that fits a status when no more specific one is known. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 416 -> RANGE_NOT_SATISFIABLE;
            case 414, 431 -> REQUEST_TOO_LARGE;
            case 503 -> UNAVAILABLE;
            case 429 -> QUOTA_EXCEEDED;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }
}
