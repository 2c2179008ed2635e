package io.spikelot.cli;

import java.io.PrintWriter;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Shows a followed job's progress on stderr: a bar redrawn in place on a terminal, or a plain line per change
 * otherwise (a CI log keeps every line, and a carriage return there would only add noise).
 */
final class ProgressDisplay {

    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private String lastLine = "";

    ProgressDisplay(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** A display for this process: a bar when a console is attached. */
    static ProgressDisplay forConsole(PrintWriter err) {
        return new ProgressDisplay(err, System.console() != null);
    }

    void update(JsonNode job) {
        String line = terminal ? bar(job) : Printer.jobLine(job);
        if (line.equals(lastLine)) {
            return;
        }
        if (terminal) {
            // pad over the rest of a longer previous line
            err.print("\r" + line + " ".repeat(Math.max(0, lastLine.length() - line.length())));
        } else {
            err.println(line);
        }
        err.flush();
        lastLine = line;
    }

    /** Ends the display after the job's last state. */
    void finish(JsonNode job) {
        update(job);
        if (terminal) {
            err.println();
            err.flush();
        }
    }

    /** Ends the bar's line, so a message printed next starts on a line of its own. */
    void interrupt() {
        if (terminal && !lastLine.isEmpty()) {
            err.println();
            err.flush();
        }
    }

    static String bar(JsonNode job) {
        String status = job.path("status").asString();
        JsonNode progress = job.path("progress");
        double fraction = "SUCCEEDED".equals(status)
                ? 1.0
                : Math.max(0, Math.min(1, progress.path("fraction").asDouble(0)));
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        return String.format(
                        Locale.ROOT,
                        "[%s%s] %3.0f%%  %-10s %s",
                        "#".repeat(filled),
                        ".".repeat(BAR_WIDTH - filled),
                        100 * fraction,
                        status,
                        progress.path("message").asString(""))
                .stripTrailing();
    }
}
