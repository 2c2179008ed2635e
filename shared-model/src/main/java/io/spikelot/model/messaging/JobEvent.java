package io.spikelot.model.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One report of a worker about one attempt of a job. The API applies events idempotently: an event of an older
 * attempt, or with a sequence not above the last applied one of its attempt, changes nothing.
 *
 * @param jobId the job
 * @param attempt the attempt this event belongs to
 * @param sequence strictly increasing per (job, attempt), from 1
 * @param kind what happened
 * @param workerId the reporting worker
 * @param at when the worker sent it
 * @param progress for STARTED and PROGRESS; may be null otherwise
 * @param result for SUCCEEDED: the result summary (JSON object); null otherwise
 * @param error for FAILED; null otherwise
 */
public record JobEvent(
        UUID jobId,
        int attempt,
        long sequence,
        EventKind kind,
        String workerId,
        Instant at,
        JobProgress progress,
        Map<String, Object> result,
        JobError error) {}
