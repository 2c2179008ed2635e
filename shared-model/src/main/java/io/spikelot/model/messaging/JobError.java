package io.spikelot.model.messaging;

/**
 * Why a job (or one attempt of it) failed.
 *
 * @param code a stable, machine-readable code, one of the constants of this type
 * @param message what a person needs to know to act on it
 * @param retryable whether another attempt may succeed (a lost worker: yes; a bad spec: no)
 */
public record JobError(String code, String message, boolean retryable) {

    /** The spec is valid JSON but cannot be run (e.g. a dataset file is missing or corrupt). */
    public static final String INVALID_SPEC = "INVALID_SPEC";
    /** No pipeline for the job's type on the worker. */
    public static final String UNKNOWN_TYPE = "UNKNOWN_TYPE";
    /** Training produced NaN or infinite values. */
    public static final String DIVERGED = "DIVERGED";
    /** The pipeline failed in a way another attempt may not repeat (out of memory, I/O). */
    public static final String PIPELINE_ERROR = "PIPELINE_ERROR";
    /** Every attempt's worker was lost (lease expired) and the attempt limit is reached. */
    public static final String ATTEMPTS_EXHAUSTED = "ATTEMPTS_EXHAUSTED";
    /** The dispatch message could not be read by the worker. */
    public static final String POISON_MESSAGE = "POISON_MESSAGE";
    /** The worker could not upload an artifact to the API. */
    public static final String ARTIFACT_UPLOAD_FAILED = "ARTIFACT_UPLOAD_FAILED";

    public static JobError nonRetryable(String code, String message) {
        return new JobError(code, message, false);
    }

    public static JobError retryable(String code, String message) {
        return new JobError(code, message, true);
    }
}
