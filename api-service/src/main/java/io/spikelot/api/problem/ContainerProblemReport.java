package io.spikelot.api.problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report, as problem+json: it answers requests Tomcat refuses before any servlet sees them (an
 * encoded {@code /} or NUL in the path, a request line or headers over the limit), which would otherwise get Tomcat's
 * HTML page. Installed on the host in place of {@link ErrorReportValve} by {@link ContainerErrorConfiguration}.
 */
public class ContainerProblemReport extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        // the same guards as Tomcat's own report: only an unreported error whose body is still empty
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        if (status == 400 && isOversized(failure)) {
            status = ProblemType.REQUEST_TOO_LARGE.status().value();
            response.setStatus(status);
        }
        ProblemType type = ProblemType.forStatus(status);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json(type, status, detail(type)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing to tell it
        }
    }

    /** Tomcat reports a request line or header block over its limit as a 400 with this cause. */
    private static boolean isOversized(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("too large")) {
                return true;
            }
        }
        return false;
    }

    private static String detail(ProblemType type) {
        return switch (type) {
            case REQUEST_TOO_LARGE -> "The request line or the headers exceed the server's limit";
            case BAD_REQUEST ->
                "The request line, path or headers are malformed (an encoded '/', '\\\\' or NUL in the"
                        + " path is refused)";
            default -> type.title();
        };
    }

    /** Written by hand: this runs inside the container, outside the application's JSON configuration. */
    static String json(ProblemType type, int status, String detail) {
        return "{\"type\":\"" + type.uri() + "\",\"title\":\"" + escape(type.title()) + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\"}";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
