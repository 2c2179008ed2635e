package io.spikelot.cli;

import java.nio.file.Path;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spikelot status ID [--wait] [--download DIR]}. */
@Command(name = "status", description = "Show a job; with --wait, follow it to its end.")
final class StatusCommand extends JobCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "the job id")
    String id;

    @Option(names = "--wait", description = "follow the job to its end; the exit code tells how it ended")
    boolean await;

    @Option(
            names = "--download",
            paramLabel = "DIR",
            description = "when the job SUCCEEDED, download its artifacts here (implies --wait)")
    Path downloadTo;

    @Override
    public Integer call() {
        UUID job = jobId(id);
        ApiClient client = root().client();
        if (await || downloadTo != null) {
            return new JobWait(root(), client).await(job, downloadTo, null);
        }
        root().printer().job(client.get("/api/v1/jobs/" + job).body());
        return ExitCode.OK.status;
    }
}
