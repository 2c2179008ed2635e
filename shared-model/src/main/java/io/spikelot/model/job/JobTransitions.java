package io.spikelot.model.job;

import static io.spikelot.model.job.JobStatus.CANCELLED;
import static io.spikelot.model.job.JobStatus.CANCELLING;
import static io.spikelot.model.job.JobStatus.FAILED;
import static io.spikelot.model.job.JobStatus.QUEUED;
import static io.spikelot.model.job.JobStatus.RUNNING;
import static io.spikelot.model.job.JobStatus.SUCCEEDED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of allowed status changes. A change not listed here is refused with an
 * {@link IllegalTransitionException}; staying in the same status is never a transition.
 */
public final class JobTransitions {

    private static final Map<JobStatus, Set<JobStatus>> ALLOWED = new EnumMap<>(JobStatus.class);

    static {
        // QUEUED -> QUEUED is not a transition: a re-dispatch changes the attempt, not the status.
        ALLOWED.put(QUEUED, EnumSet.of(RUNNING, FAILED, CANCELLED));
        // RUNNING -> QUEUED: the lease expired and the job is dispatched again on a new attempt.
        ALLOWED.put(RUNNING, EnumSet.of(QUEUED, SUCCEEDED, FAILED, CANCELLING, CANCELLED));
        // A worker may finish before it sees the cancellation; the finished result then wins.
        ALLOWED.put(CANCELLING, EnumSet.of(CANCELLED, SUCCEEDED, FAILED));
        ALLOWED.put(SUCCEEDED, EnumSet.noneOf(JobStatus.class));
        ALLOWED.put(FAILED, EnumSet.noneOf(JobStatus.class));
        ALLOWED.put(CANCELLED, EnumSet.noneOf(JobStatus.class));
    }

    private JobTransitions() {}

    /** Whether {@code from -> to} is an allowed change of status. */
    public static boolean isAllowed(JobStatus from, JobStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** The statuses reachable from {@code from} in one step. */
    public static Set<JobStatus> allowedFrom(JobStatus from) {
        return Set.copyOf(ALLOWED.get(from));
    }

    /** Returns {@code to}, or throws if the change is not allowed. */
    public static JobStatus check(JobStatus from, JobStatus to) {
        if (!isAllowed(from, to)) {
            throw new IllegalTransitionException(from, to);
        }
        return to;
    }
}
