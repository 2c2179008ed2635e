package io.spikelot.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code spikelot cancel ID}. */
@Command(name = "cancel", description = "Cancel a job (a finished job is refused with exit code 3).")
final class CancelCommand extends JobCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "the job id")
    String id;

    @Override
    public Integer call() {
        String path = "/api/v1/jobs/" + jobId(id) + "/cancel";
        root().printer().job(root().client().post(path, new byte[0], Map.of()).body());
        return ExitCode.OK.status;
    }
}
