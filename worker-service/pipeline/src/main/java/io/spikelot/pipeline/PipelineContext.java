package io.spikelot.pipeline;

import io.spikelot.model.messaging.JobProgress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/** What a running pipeline may use: progress reporting, cancellation, an artifact sink and a scratch folder. */
public interface PipelineContext {

    /** The job being run. */
    UUID jobId();

    /** The attempt being run, from 1. */
    int attempt();

    /** Reports progress; cheap to call every batch (the worker throttles what it publishes). */
    void progress(JobProgress progress);

    /** Whether a cancellation of this job was requested. */
    boolean isCancelled();

    /** Throws {@link JobCancelledException} if a cancellation was requested; call at every batch boundary. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new JobCancelledException(jobId());
        }
    }

    /** Where the job's downloadable files go. */
    ArtifactSink artifacts();

    /**
     * A file that an earlier attempt of this job published under {@code name} (through {@link #artifacts()}), for
     * resuming where it stopped; empty on a first attempt, when there is none, or where the context keeps none.
     */
    default Optional<byte[]> earlierArtifact(String name) throws IOException {
        return Optional.empty();
    }

    /** A private folder for temporary files, deleted after the job. */
    Path scratchDir();
}
