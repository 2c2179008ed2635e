package io.spikelot.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** A subcommand: reaches the root command's options, the API client and the printer. */
abstract class JobCommand implements Callable<Integer> {

    @ParentCommand
    private Spikelot root;

    Spikelot root() {
        return root;
    }

    static UUID jobId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.BAD_INPUT, "Not a job id (a UUID): " + id);
        }
    }
}
