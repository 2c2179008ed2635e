package io.spikelot.pipeline;

import java.util.UUID;

/** Thrown at a batch boundary when the job was cancelled; the worker then publishes nothing but CANCELLED. */
public final class JobCancelledException extends RuntimeException {

    private final UUID jobId;

    public JobCancelledException(UUID jobId) {
        super("Job " + jobId + " was cancelled");
        this.jobId = jobId;
    }

    public UUID jobId() {
        return jobId;
    }
}
