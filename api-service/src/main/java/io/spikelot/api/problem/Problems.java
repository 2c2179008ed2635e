package io.spikelot.api.problem;

import java.util.List;
import org.springframework.http.ProblemDetail;

/** Builds every problem+json body of the API the same way. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(ProblemType type, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        return of(type, detail, List.of());
    }
}
