package io.spikelot.api.problem;

import io.spikelot.api.DatabaseOutage;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page, in place of Spring Boot's: what escapes a filter (the key check with the
 * database away) or is answered by the container inside the application ({@code TRACE}) becomes problem+json.
 */
@RestController
class ErrorProblems implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorProblems.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        ProblemDetail problem;
        if (failure != null && DatabaseOutage.isCause(failure)) {
            log.warn("Answering 503: the database is unreachable ({})", failure.toString());
            return ProblemHandler.problemResponse(ApiProblem.unavailable());
        }
        if (status >= 500) {
            log.error("Request failed with {}", status, failure);
            problem = Problems.of(ProblemType.INTERNAL, "An unexpected error occurred; it has been logged");
        } else {
            ProblemType type = ProblemType.forStatus(status);
            problem = Problems.of(type, type.title());
        }
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            try {
                problem.setInstance(new URI(null, null, uri, null));
            } catch (URISyntaxException e) {
                // not a path worth echoing
            }
        }
        return ProblemHandler.problemResponse(problem);
    }
}
