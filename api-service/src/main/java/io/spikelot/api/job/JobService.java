package io.spikelot.api.job;

import io.spikelot.api.ApiProperties;
import io.spikelot.api.RandomIds;
import io.spikelot.api.messaging.Outbox;
import io.spikelot.api.metrics.JobMetrics;
import io.spikelot.api.problem.ApiProblem;
import io.spikelot.api.problem.ProblemType;
import io.spikelot.api.spec.ValidatedSpec;
import io.spikelot.model.artifact.Sha256;
import io.spikelot.model.job.JobStatus;
import io.spikelot.model.messaging.CancelRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/** What users do with jobs: submit, read, list, cancel; always within their own tenant. */
@Service
public class JobService {

    /** A stored submission, and whether it is an earlier one replayed for the same Idempotency-Key. */
    record Submission(JobView job, boolean replayed) {}

    private final JobRepository jobs;
    private final JobStreams streams;
    private final JobChanges changes;
    private final JobAdmission admission;
    private final Outbox outbox;
    private final JobMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;
    private final int maxAttempts;

    JobService(
            JobRepository jobs,
            JobStreams streams,
            JobChanges changes,
            JobAdmission admission,
            Outbox outbox,
            JobMetrics metrics,
            JsonMapper json,
            Clock clock,
            ApiProperties properties) {
        this.jobs = jobs;
        this.streams = streams;
        this.changes = changes;
        this.admission = admission;
        this.outbox = outbox;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
        this.maxAttempts = properties.jobs().maxAttempts();
    }

    /**
     * Stores the job and its dispatch in one transaction; a known Idempotency-Key returns the earlier job. Over the
     * tenant's queued quota, nothing is stored and the answer is 429.
     */
    @Transactional
    Submission submit(String tenant, ValidatedSpec spec, String idempotencyKey) {
        String specJson = json.writeValueAsString(spec.spec());
        String requestHash = Sha256.hex(specJson);
        Optional<Submission> earlier = replay(tenant, idempotencyKey, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        NewJob newJob = new NewJob(
                RandomIds.next(),
                tenant,
                spec.type(),
                spec.name(),
                spec.resourceClass(),
                specJson,
                idempotencyKey,
                requestHash);
        // refuses over the queued quota before anything is written; over the running quota, the job waits
        boolean dispatchNow = admission.admit(tenant, spec.resourceClass());
        Instant now = clock.instant();
        JobEntity job = jobs.save(new JobEntity(newJob, maxAttempts, now, dispatchNow));
        if (dispatchNow) {
            outbox.dispatch(JobViews.dispatchOf(job, json, now));
        }
        metrics.submitted(job.type());
        changes.statusChanged(job, null);
        return new Submission(JobViews.viewOf(job, json), false);
    }

    @Transactional(readOnly = true)
    Optional<Submission> replay(String tenant, String idempotencyKey, String requestHash) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return jobs.findByTenantAndIdempotencyKey(tenant, idempotencyKey).map(job -> {
            if (!job.requestHash().equals(requestHash)) {
                throw new ApiProblem(
                        ProblemType.IDEMPOTENCY_CONFLICT,
                        "Idempotency-Key '" + idempotencyKey + "' was used for job " + job.id()
                                + " with a different request body");
            }
            return new Submission(JobViews.viewOf(job, json), true);
        });
    }

    /** Hash of the normalized spec, as {@link #submit} computes it; for replays after a lost race. */
    String requestHashOf(ValidatedSpec spec) {
        return Sha256.hex(json.writeValueAsString(spec.spec()));
    }

    @Transactional(readOnly = true)
    public JobView get(String tenant, UUID id) {
        return jobs.findByIdAndTenant(id, tenant)
                .map(job -> JobViews.viewOf(job, json))
                .orElseThrow(() -> ApiProblem.notFound("Job " + id));
    }

    /** A server-sent event stream of the job's changes. */
    @Transactional(readOnly = true)
    SseEmitter stream(String tenant, UUID id) throws IOException {
        JobEntity job = jobs.findByIdAndTenant(id, tenant).orElseThrow(() -> ApiProblem.notFound("Job " + id));
        return streams.open(job);
    }

    /** Whether the tenant owns the job; other tenants' jobs do not exist for them. */
    @Transactional(readOnly = true)
    public boolean isVisible(String tenant, UUID id) {
        return jobs.findByIdAndTenant(id, tenant).isPresent();
    }

    @Transactional(readOnly = true)
    JobPage list(String tenant, JobStatus status, String type, int page, int size) {
        Page<JobEntity> found = jobs.search(tenant, status, type, PageRequest.of(page, size));
        return new JobPage(
                found.map(job -> JobViews.viewOf(job, json)).getContent(),
                page,
                size,
                found.getTotalElements(),
                found.getTotalPages());
    }

    /** Cancels a queued job at once; asks the worker of a running one to stop. A finished job cannot be cancelled. */
    @Transactional
    JobView cancel(String tenant, UUID id) {
        // lock before reading: a row read first and locked later would keep its stale state in the session
        JobEntity job = jobs.lockById(id)
                .filter(j -> j.tenant().equals(tenant))
                .orElseThrow(() -> ApiProblem.notFound("Job " + id));
        Instant now = clock.instant();
        JobStatus before = job.status();
        switch (job.status()) {
            case QUEUED -> {
                job.cancel(now);
                metrics.finished(job.type(), job.status(), job.createdAt(), now);
                admission.released(job.tenant(), job.resourceClass());
            }
            case RUNNING -> job.requestCancel();
            case CANCELLING -> {
                return JobViews.viewOf(job, json);
            }
            default -> throw new ApiProblem(ProblemType.JOB_FINISHED, "Job " + id + " is already " + job.status());
        }
        // a worker may hold a dispatch of a queued job before reporting STARTED: tell every worker
        outbox.cancel(new CancelRequest(job.id()));
        changes.statusChanged(job, before);
        return JobViews.viewOf(job, json);
    }

    /**
     * Whether a worker may still work on (and upload for) this attempt: the job is not finished and the attempt is
     * the current one.
     */
    @Transactional(readOnly = true)
    public boolean isCurrentAttempt(UUID id, int attempt) {
        return jobs.findById(id)
                .filter(job -> !job.status().isTerminal() && job.attempt() == attempt)
                .isPresent();
    }

    /** Whether a worker holding this attempt should run it: it is current and the job is queued or running. */
    @Transactional(readOnly = true)
    public boolean isWanted(UUID id, int attempt) {
        return jobs.findById(id)
                .filter(job -> job.attempt() == attempt)
                .filter(job -> job.status() == JobStatus.QUEUED || job.status() == JobStatus.RUNNING)
                .isPresent();
    }
}
