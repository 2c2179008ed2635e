package io.spikelot.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --wait} and {@code --download DIR}, shared by {@code submit} and {@code status}. */
final class WaitOptions {

    @Option(names = "--wait", description = "follow the job to its end; the exit code tells how it ended")
    boolean await;

    @Option(
            names = "--download",
            paramLabel = "DIR",
            description = "when the job SUCCEEDED, download its artifacts here (implies --wait)")
    Path downloadTo;

    boolean waits() {
        return await || downloadTo != null;
    }
}
