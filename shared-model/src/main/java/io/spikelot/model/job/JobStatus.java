package io.spikelot.model.job;

/**
 * The lifecycle of a job. Every change of status goes through {@link JobTransitions}.
 *
 * <p>{@code QUEUED} covers both "waiting for a worker" and "re-dispatched after a lost worker"; the attempt number
 * tells them apart. {@code CANCELLING} is the transient state of a running job whose cancellation was requested and
 * not yet acknowledged by its worker.
 */
public enum JobStatus {
    QUEUED,
    RUNNING,
    CANCELLING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** A terminal status never changes again. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
