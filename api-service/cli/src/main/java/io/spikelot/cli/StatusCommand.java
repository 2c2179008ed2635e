package io.spikelot.cli;

import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code spikelot status ID [--wait] [--download DIR]}. */
@Command(name = "status", description = "Show a job; with --wait, follow it to its end.")
final class StatusCommand extends JobCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "the job id")
    String id;

    @Mixin
    WaitOptions waiting;

    @Override
    public Integer call() {
        UUID job = jobId(id);
        ApiClient client = root().client();
        if (waiting.waits()) {
            return new JobWait(root(), client).await(job, waiting.downloadTo, null);
        }
        root().printer().job(client.get("/api/v1/jobs/" + job).body());
        return ExitCode.OK.status;
    }
}
