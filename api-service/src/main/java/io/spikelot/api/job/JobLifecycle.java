package io.spikelot.api.job;

import io.spikelot.api.ApiProperties;
import io.spikelot.api.messaging.JobEventHandler;
import io.spikelot.api.messaging.Outbox;
import io.spikelot.api.metrics.JobMetrics;
import io.spikelot.model.job.JobStatus;
import io.spikelot.model.messaging.EventKind;
import io.spikelot.model.messaging.JobError;
import io.spikelot.model.messaging.JobEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves jobs through their lifecycle on worker events and expired leases. Each job row is locked while it changes,
 * and every event is checked against the job's current attempt and last applied sequence, so duplicated, stale or
 * reordered events can never regress a status.
 */
@Service
class JobLifecycle implements JobEventHandler {

    private static final Logger log = LoggerFactory.getLogger(JobLifecycle.class);

    private final JobRepository jobs;
    private final JobChanges changes;
    private final JobAdmission admission;
    private final Outbox outbox;
    private final JobMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration lease;

    JobLifecycle(
            JobRepository jobs,
            JobChanges changes,
            JobAdmission admission,
            Outbox outbox,
            JobMetrics metrics,
            JsonMapper json,
            Clock clock,
            ApiProperties properties) {
        this.jobs = jobs;
        this.changes = changes;
        this.admission = admission;
        this.outbox = outbox;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
        this.lease = properties.jobs().lease();
    }

    @Override
    @Transactional
    public void apply(JobEvent event) {
        JobEntity job = jobs.lockById(event.jobId()).orElse(null);
        if (job == null) {
            log.warn("Ignoring {} for unknown job {}", event.kind(), event.jobId());
            return;
        }
        if (job.status().isTerminal() || event.attempt() != job.attempt() || event.sequence() <= job.lastSequence()) {
            log.debug(
                    "Ignoring stale {} #{} of attempt {} for job {} ({}, attempt {}, last #{})",
                    event.kind(),
                    event.sequence(),
                    event.attempt(),
                    job.id(),
                    job.status(),
                    job.attempt(),
                    job.lastSequence());
            return;
        }
        Instant now = clock.instant();
        JobStatus before = job.status();
        log.debug("Applying {} #{} of job {}", event.kind(), event.sequence(), job.id());
        job.recordSequence(event.sequence());
        job.markAlive(event.workerId(), event.at() == null ? now : event.at(), now.plus(lease));
        switch (event.kind()) {
            case STARTED, PROGRESS -> {
                if (event.progress() != null) {
                    job.recordProgress(json.writeValueAsString(event.progress()));
                }
            }
            case SUCCEEDED -> {
                job.succeed(json.writeValueAsString(event.result() == null ? Map.of() : event.result()), now);
                metrics.finished(job.type(), job.status(), job.createdAt(), now);
            }
            case FAILED -> failed(job, event.error(), now);
            case CANCELLED -> {
                job.cancel(now);
                metrics.finished(job.type(), job.status(), job.createdAt(), now);
            }
        }
        released(job);
        changes.statusChanged(job, before);
        if (event.kind() == EventKind.PROGRESS && event.progress() != null) {
            changes.progressed(job);
        }
    }

    private void failed(JobEntity job, JobError error, Instant now) {
        JobError reported = error == null ? JobError.retryable(JobError.PIPELINE_ERROR, "no reason given") : error;
        if (reported.retryable() && job.status() == JobStatus.RUNNING && job.hasAttemptsLeft()) {
            log.info("Job {} attempt {} failed ({}), dispatching again", job.id(), job.attempt(), reported.code());
            redispatch(job);
            return;
        }
        if (job.status() == JobStatus.CANCELLING) {
            job.cancel(now);
        } else {
            String message = reported.retryable() && !job.hasAttemptsLeft()
                    ? reported.message() + " (after " + job.attempt() + " attempts)"
                    : reported.message();
            job.fail(reported.code(), message, now);
        }
        metrics.finished(job.type(), job.status(), job.createdAt(), now);
    }

    /** A running job's worker went silent past its lease: try again, or give up after the attempt limit. */
    @Transactional
    public void expireLease(UUID jobId) {
        JobEntity job = jobs.lockById(jobId).orElse(null);
        Instant now = clock.instant();
        if (job == null || job.leaseExpiresAt() == null || job.leaseExpiresAt().isAfter(now)) {
            return;
        }
        JobStatus before = job.status();
        expire(job, now);
        released(job);
        changes.statusChanged(job, before);
    }

    private void expire(JobEntity job, Instant now) {
        if (job.status() == JobStatus.CANCELLING) {
            job.cancel(now);
        } else if (job.hasAttemptsLeft()) {
            log.warn(
                    "Job {} lost its worker on attempt {} (lease expired {}), dispatching again",
                    job.id(),
                    job.attempt(),
                    job.leaseExpiresAt());
            redispatch(job);
            return;
        } else {
            job.fail(
                    JobError.ATTEMPTS_EXHAUSTED,
                    "The worker was lost on each of " + job.attempt() + " attempts; the last lease expired at "
                            + job.leaseExpiresAt(),
                    now);
        }
        metrics.finished(job.type(), job.status(), job.createdAt(), now);
    }

    /** A finished job frees a running slot of its tenant: a job waiting for one is dispatched. */
    private void released(JobEntity job) {
        if (job.status().isTerminal()) {
            admission.released(job.tenant(), job.resourceClass());
        }
    }

    private void redispatch(JobEntity job) {
        job.requeue();
        outbox.dispatch(JobViews.dispatchOf(job, json, clock.instant()));
    }
}
