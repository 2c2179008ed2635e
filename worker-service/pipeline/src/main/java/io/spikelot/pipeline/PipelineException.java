package io.spikelot.pipeline;

import io.spikelot.model.messaging.JobError;

/** A pipeline failure with a stable error code, reported to the user as the job's error. */
public class PipelineException extends RuntimeException {

    private final String code;
    private final boolean retryable;

    public PipelineException(String code, String message, boolean retryable) {
        super(message);
        this.code = code;
        this.retryable = retryable;
    }

    public PipelineException(String code, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryable = retryable;
    }

    /** The spec cannot be run (missing dataset file, architecture does not fit, ...); never retried. */
    public static PipelineException invalidSpec(String message) {
        return new PipelineException(JobError.INVALID_SPEC, message, false);
    }

    /** Training produced NaN or infinite values; never retried. */
    public static PipelineException diverged(String message) {
        return new PipelineException(JobError.DIVERGED, message, false);
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }

    public JobError toJobError() {
        return new JobError(code, getMessage(), retryable);
    }
}
