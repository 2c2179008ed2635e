package io.spikelot.api.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;

/** A request the API refuses, rendered as problem+json by {@link ProblemHandler}. */
public class ApiProblem extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiProblem(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ApiProblem(ProblemType type, String detail, List<FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ApiProblem(ProblemType.VALIDATION, detail, errors);
    }

    public static ApiProblem invalidField(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    /** Seconds a client is asked to wait before retrying while a backing service is away. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** A 503: a service the API depends on (the database) is unreachable; the client may retry. */
    public static ApiProblem unavailable() {
        return new ApiProblem(
                        ProblemType.UNAVAILABLE,
                        "A service the API depends on is unreachable; retry after " + RETRY_AFTER_SECONDS + " s")
                .withHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(ProblemType.NOT_FOUND, what + " not found");
    }

    /**
     * Adds a response header to the problem, e.g. {@code Content-Range: bytes *}{@code /1234} for a 416.
     *
     * @return this problem
     */
    public ApiProblem withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The response headers that go with the problem. */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public ProblemDetail toProblemDetail() {
        return Problems.of(type, getMessage(), errors);
    }
}
