package io.spikelot.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spikelot list [--status S] [--type T] [--page N] [--size N]}. */
@Command(name = "list", description = "List your jobs, newest first.")
final class ListCommand extends JobCommand {

    @Option(names = "--status", description = "only jobs with this status, e.g. RUNNING")
    String status;

    @Option(names = "--type", description = "only jobs of this type: slt, imp, qsnn")
    String type;

    @Option(names = "--page", defaultValue = "0", description = "page index from 0 (default: ${DEFAULT-VALUE})")
    int page;

    @Option(names = "--size", defaultValue = "20", description = "jobs per page (default: ${DEFAULT-VALUE})")
    int size;

    @Override
    public Integer call() {
        List<String> query = new ArrayList<>();
        query.add("page=" + page);
        query.add("size=" + size);
        if (status != null) {
            query.add("status=" + URLEncoder.encode(status, StandardCharsets.UTF_8));
        }
        if (type != null) {
            query.add("type=" + URLEncoder.encode(type, StandardCharsets.UTF_8));
        }
        root().printer()
                .jobs(root().client()
                        .get("/api/v1/jobs?" + String.join("&", query))
                        .body());
        return ExitCode.OK.status;
    }
}
