package io.spikelot.model.job;

/** A status change that the lifecycle table does not allow; carries both statuses. */
public final class IllegalTransitionException extends IllegalStateException {

    private final JobStatus from;
    private final JobStatus to;

    public IllegalTransitionException(JobStatus from, JobStatus to) {
        super("A job cannot go from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public JobStatus from() {
        return from;
    }

    public JobStatus to() {
        return to;
    }
}
