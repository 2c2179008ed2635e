package io.spikelot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Waits for a job in the foreground. Interrupting the wait (Ctrl-C, SIGTERM from a CI runner) leaves the job
 * running on the service; a shutdown hook says how to follow it again, since that is all the step can still do.
 */
final class JobWait {

    private final Spikelot root;
    private final ApiClient client;

    JobWait(Spikelot root, ApiClient client) {
        this.root = root;
        this.client = client;
    }

    /**
     * Follows the job to its end, prints it, downloads its artifacts when it SUCCEEDED and a directory is given.
     *
     * @param resumeHint how else to pick the job up again (e.g. the same submit), or null
     * @return the exit status for the job's terminal status
     */
    int await(UUID id, Path downloadTo, String resumeHint) {
        PrintWriter err = root.err();
        ProgressDisplay display = ProgressDisplay.forConsole(err);
        Thread notice = new Thread(() -> interrupted(err, display, id, resumeHint), "spikelot-wait-interrupted");
        Runtime.getRuntime().addShutdownHook(notice);
        JsonNode job;
        try {
            job = new JobFollower(client, display).follow(id);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(notice);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it prints the notice
            }
        }
        root.printer().job(job);
        ExitCode code = ExitCode.ofJobStatus(job.path("status").asString());
        if (code == ExitCode.OK && downloadTo != null) {
            new ArtifactDownloader(client, err).downloadAll(id, downloadTo);
        }
        return code.status;
    }

    private static void interrupted(PrintWriter err, ProgressDisplay display, UUID id, String resumeHint) {
        display.interrupt();
        err.println("spikelot: stopped waiting; job " + id + " keeps running on the service.");
        err.println("Follow it again with:  spikelot status " + id + " --wait");
        if (resumeHint != null) {
            err.println("                  or:  " + resumeHint);
        }
        err.println("Cancel it with:        spikelot cancel " + id);
        err.flush();
    }
}
