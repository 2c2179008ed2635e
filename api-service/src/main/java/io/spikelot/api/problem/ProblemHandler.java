package io.spikelot.api.problem;

import io.spikelot.api.DatabaseOutage;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one exception handler: every refusal becomes RFC 9457 problem+json with a stable {@code type}; validation
 * problems list the offending fields. No stack trace, SQL or class name ever reaches a response.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> handleApiProblem(ApiProblem problem) {
        return problemResponse(problem);
    }

    /** More query parameters than the container parses (1,000), or parameters it cannot decode. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> handleInvalidParameters(InvalidParameterException e) {
        return problemResponse(Problems.of(
                ProblemType.BAD_REQUEST, "Too many or malformed query parameters: at most 1,000 are accepted"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e) {
        if (DatabaseOutage.isCause(e)) {
            log.warn("Answering 503: the database is unreachable ({})", e.toString());
            return problemResponse(ApiProblem.unavailable());
        }
        log.error("Unexpected error", e);
        return problemResponse(Problems.of(ProblemType.INTERNAL, "An unexpected error occurred; it has been logged"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() == null
                ? "another type"
                : ex.getRequiredType().getSimpleName();
        FieldError error = new FieldError(name, "'" + ex.getValue() + "' is not a valid " + expected);
        return problemResponse(ApiProblem.validation(List.of(error)).toProblemDetail());
    }

    /** A required header (such as the worker's checksum) or parameter is absent: a validation problem naming it. */
    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing) {
            return problemResponse(ApiProblem.invalidField(missing.getHeaderName(), "is a required header")
                    .toProblemDetail());
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return problemResponse(ApiProblem.invalidField(ex.getParameterName(), "is a required query parameter")
                .toProblemDetail());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problemResponse(Problems.of(ProblemType.MALFORMED_JSON, "The request body is not valid JSON"));
    }

    /** Normalizes the problems Spring MVC raises itself (405, 406, 415, 404, ...) to our stable types. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.is5xxServerError()) {
            log.error("Request failed with {}", statusCode.value(), ex);
            return problemResponse(
                    Problems.of(ProblemType.INTERNAL, "An unexpected error occurred; it has been logged"));
        }
        String detail = body instanceof ProblemDetail pd && pd.getDetail() != null
                ? pd.getDetail()
                : ProblemType.forStatus(statusCode.value()).title();
        ProblemDetail problem = Problems.of(ProblemType.forStatus(statusCode.value()), detail);
        HttpHeaders kept = new HttpHeaders();
        if (headers.getAllow() != null && !headers.getAllow().isEmpty()) {
            kept.setAllow(headers.getAllow());
        }
        return ResponseEntity.status(problem.getStatus())
                .headers(kept)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    static ResponseEntity<Object> problemResponse(ApiProblem problem) {
        HttpHeaders headers = new HttpHeaders();
        problem.headers().forEach(headers::set);
        return ResponseEntity.status(problem.type().status())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.toProblemDetail());
    }

    static ResponseEntity<Object> problemResponse(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
