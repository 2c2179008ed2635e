package io.spikelot.worker.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes a job's scratch folder after the job, whatever it left there. */
final class ScratchFiles {

    private static final Logger log = LoggerFactory.getLogger(ScratchFiles.class);

    private ScratchFiles() {}

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove scratch folder {}: {}", dir, e.toString());
        }
    }
}
