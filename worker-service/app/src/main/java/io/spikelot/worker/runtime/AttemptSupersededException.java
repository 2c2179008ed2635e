package io.spikelot.worker.runtime;

import java.util.UUID;

/** The API no longer wants this attempt (it finished, was cancelled, or was dispatched again): stop silently. */
public final class AttemptSupersededException extends RuntimeException {

    public AttemptSupersededException(UUID jobId, int attempt) {
        super("Attempt " + attempt + " of job " + jobId + " is no longer current");
    }
}
