package io.spikelot.cli;

import tools.jackson.databind.JsonNode;

/**
 * A non-2xx answer of the API, with its problem+json document when it sent one. A 4xx other than 429 is the
 * caller's input ({@link ExitCode#BAD_INPUT}); a 429 or 5xx is the API's ({@link ExitCode#API_ERROR}).
 */
final class ApiRefusal extends CliException {

    private final int status;
    private final JsonNode problem;

    ApiRefusal(int status, JsonNode problem, String body) {
        super(codeOf(status), describe(status, problem, body));
        this.status = status;
        this.problem = problem;
    }

    int status() {
        return status;
    }

    /** The problem+json document, or null when the answer had none. */
    JsonNode problem() {
        return problem;
    }

    private static ExitCode codeOf(int status) {
        return status >= 400 && status < 500 && status != 429 ? ExitCode.BAD_INPUT : ExitCode.API_ERROR;
    }

    private static String describe(int status, JsonNode problem, String body) {
        if (problem == null || !problem.isObject()) {
            String text = body == null ? "" : body.strip();
            return "HTTP " + status + (text.isEmpty() ? "" : ": " + abbreviate(text));
        }
        StringBuilder message = new StringBuilder("HTTP ")
                .append(status)
                .append(' ')
                .append(problem.path("title").asString(""))
                .append(": ")
                .append(problem.path("detail").asString(""));
        for (JsonNode error : problem.path("errors")) {
            message.append(System.lineSeparator())
                    .append("  ")
                    .append(error.path("field").asString())
                    .append(": ")
                    .append(error.path("message").asString());
        }
        return message.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
