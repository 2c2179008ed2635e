package io.spikelot.cli;

import java.nio.file.Path;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spikelot artifacts ID [--download DIR]}. */
@Command(name = "artifacts", description = "List a job's artifacts; with --download, fetch them, SHA-256 checked.")
final class ArtifactsCommand extends JobCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "the job id")
    String id;

    @Option(names = "--download", paramLabel = "DIR", description = "download every artifact into DIR")
    Path downloadTo;

    @Override
    public Integer call() {
        UUID job = jobId(id);
        ApiClient client = root().client();
        root().printer()
                .artifacts(client.get("/api/v1/jobs/" + job + "/artifacts").body());
        if (downloadTo != null) {
            new ArtifactDownloader(client, root().err()).downloadAll(job, downloadTo);
        }
        return ExitCode.OK.status;
    }
}
