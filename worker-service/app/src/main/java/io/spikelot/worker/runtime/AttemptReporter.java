package io.spikelot.worker.runtime;

import io.spikelot.model.messaging.EventKind;
import io.spikelot.model.messaging.JobError;
import io.spikelot.model.messaging.JobEvent;
import io.spikelot.model.messaging.JobProgress;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Reports one attempt of a job: numbers its events 1, 2, 3, ... and goes silent after the terminal one, so nothing
 * (not even a late heartbeat) is published after a job ended or was cancelled.
 */
final class AttemptReporter {

    private final UUID jobId;
    private final int attempt;
    private final String workerId;
    private final EventSender sender;
    private final Clock clock;
    private long sequence;
    private boolean closed;
    private JobProgress pending;

    AttemptReporter(UUID jobId, int attempt, String workerId, EventSender sender, Clock clock) {
        this.jobId = jobId;
        this.attempt = attempt;
        this.workerId = workerId;
        this.sender = sender;
        this.clock = clock;
    }

    synchronized boolean started(JobProgress progress) {
        return publish(EventKind.STARTED, progress, null, null, true);
    }

    /**
     * Publishes progress once; if the broker cannot take it, it is kept as the one pending report, replaced by any
     * newer one, and sent by {@link #resendPending} when the broker is back: during an outage the reports coalesce
     * into the latest.
     */
    synchronized void progress(JobProgress progress) {
        pending = progress;
        if (publish(EventKind.PROGRESS, progress, null, null, false)) {
            pending = null;
        }
    }

    /** Sends the latest progress that could not be published, if any (called when a connection is made again). */
    synchronized void resendPending() {
        if (pending != null) {
            progress(pending);
        }
    }

    synchronized void succeeded(Map<String, Object> result) {
        publish(EventKind.SUCCEEDED, null, result, null, true);
        closed = true;
    }

    synchronized void failed(JobError error) {
        publish(EventKind.FAILED, null, null, error, true);
        closed = true;
    }

    synchronized void cancelled() {
        publish(EventKind.CANCELLED, null, null, null, true);
        closed = true;
    }

    /** Publishes nothing more, ever. */
    synchronized void silence() {
        closed = true;
    }

    private boolean publish(
            EventKind kind, JobProgress progress, Map<String, Object> result, JobError error, boolean mustArrive) {
        if (closed) {
            return false;
        }

        sequence++;
        JobEvent event =
                new JobEvent(jobId, attempt, sequence, kind, workerId, clock.instant(), progress, result, error);
        return sender.send(event, mustArrive);
    }
}
