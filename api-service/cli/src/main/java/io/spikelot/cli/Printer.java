package io.spikelot.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

/** Prints results on stdout: the API's JSON as it came ({@code json}), or a line per thing ({@code text}). */
final class Printer {

    private final PrintWriter out;
    private final Spikelot.OutputFormat format;

    Printer(PrintWriter out, Spikelot.OutputFormat format) {
        this.out = out;
        this.format = format;
    }

    void job(JsonNode job) {
        print(job, Printer::jobLine);
    }

    void jobs(JsonNode page) {
        print(page, p -> {
            StringBuilder text = new StringBuilder();
            for (JsonNode job : p.path("items")) {
                text.append(jobLine(job)).append(System.lineSeparator());
            }
            return text.append(String.format(
                            Locale.ROOT,
                            "page %d of %d, %d jobs",
                            p.path("page").asInt() + 1,
                            Math.max(1, p.path("totalPages").asInt()),
                            p.path("totalItems").asLong()))
                    .toString();
        });
    }

    void artifacts(JsonNode list) {
        print(list, l -> {
            StringBuilder text = new StringBuilder();
            for (JsonNode artifact : l) {
                text.append(String.format(
                        Locale.ROOT,
                        "%-32s %12d  %s%n",
                        artifact.path("name").asString(),
                        artifact.path("size").asLong(),
                        artifact.path("sha256").asString()));
            }
            return text.isEmpty() ? "(no artifacts)" : text.toString().stripTrailing();
        });
    }

    /** A document without a line form of its own (an estimate): indented JSON in text mode. */
    void document(JsonNode document) {
        print(document, d -> ApiClient.JSON
                .writer()
                .with(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(d));
    }

    /** One line that describes a job: id, status, type, name, then progress or error. */
    static String jobLine(JsonNode job) {
        StringBuilder line = new StringBuilder()
                .append(job.path("id").asString())
                .append("  ")
                .append(String.format(Locale.ROOT, "%-10s", job.path("status").asString()))
                .append("  ")
                .append(job.path("type").asString())
                .append("  ")
                .append(job.path("name").asString());
        JsonNode progress = job.path("progress");
        if (progress.isObject()) {
            line.append(String.format(
                    Locale.ROOT,
                    "  %.0f%% %s",
                    100 * progress.path("fraction").asDouble(),
                    progress.path("message").asString("")));
        }
        JsonNode error = job.path("error");
        if (error.isObject()) {
            line.append("  ")
                    .append(error.path("code").asString())
                    .append(": ")
                    .append(error.path("message").asString());
        }
        return line.toString().stripTrailing();
    }

    private void print(JsonNode node, Function<JsonNode, String> text) {
        out.println(format == Spikelot.OutputFormat.json ? ApiClient.JSON.writeValueAsString(node) : text.apply(node));
        out.flush();
    }
}
