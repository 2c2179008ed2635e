package io.spikelot.model.messaging;

/** What a worker reports about one attempt of a job. */
public enum EventKind {
    /** The worker took the dispatch and is about to run the pipeline. */
    STARTED,
    /** Progress, at least every 30 s; also the heartbeat that renews the lease. */
    PROGRESS,
    /** The pipeline finished; the artifacts are uploaded. */
    SUCCEEDED,
    /** The pipeline failed; {@link JobError#retryable()} tells whether another attempt may help. */
    FAILED,
    /** The worker stopped the job after a cancellation request; nothing follows. */
    CANCELLED
}
