package io.spikelot.api.job;

import io.spikelot.model.job.JobStatus;
import io.spikelot.model.job.JobTransitions;
import io.spikelot.model.job.ResourceClass;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A job as stored. Every change of status goes through {@link JobTransitions}; JSON columns are kept as text. */
@Entity
@Table(name = "jobs")
class JobEntity {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String tenant;

    @Column(nullable = false)
    private String type;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobStatus status;

    @Column(nullable = false)
    private int attempt;

    @Column(name = "max_attempts", nullable = false)
    private int maxAttempts;

    @Enumerated(EnumType.STRING)
    @Column(name = "resource_class", nullable = false)
    private ResourceClass resourceClass;

    @Column(nullable = false)
    private String spec;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "request_hash", nullable = false, columnDefinition = "bpchar")
    private String requestHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "lease_expires_at")
    private Instant leaseExpiresAt;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    @Column(name = "worker_id")
    private String workerId;

    /** Whether its dispatch was written: a job over its tenant's running quota waits undispatched. */
    @Column(nullable = false)
    private boolean dispatched;

    private String progress;
    private String result;

    @Column(name = "error_code")
    private String errorCode;

    @Column(name = "error_message")
    private String errorMessage;

    // a wrapper, null until the first insert: with an assigned id, that is how the repository knows a job is new
    // and inserts it without first selecting it
    @Version
    private Long version;

    protected JobEntity() {}

    JobEntity(NewJob job, int maxAttempts, Instant now, boolean dispatched) {
        this.dispatched = dispatched;
        this.id = job.id();
        this.tenant = job.tenant();
        this.type = job.type().wireName();
        this.name = job.name();
        this.status = JobStatus.QUEUED;
        this.attempt = 1;
        this.maxAttempts = maxAttempts;
        this.resourceClass = job.resourceClass();
        this.spec = job.specJson();
        this.idempotencyKey = job.idempotencyKey();
        this.requestHash = job.requestHash();
        this.createdAt = now;
    }

    private void moveTo(JobStatus next) {
        status = JobTransitions.check(status, next);
    }

    /** A worker reported the current attempt alive: RUNNING (if it was not yet), lease renewed. */
    void markAlive(String worker, Instant at, Instant leaseUntil) {
        if (status == JobStatus.QUEUED) {
            moveTo(JobStatus.RUNNING);
        }
        if (startedAt == null) {
            startedAt = at;
        }
        workerId = worker;
        leaseExpiresAt = leaseUntil;
    }

    void succeed(String resultJson, Instant now) {
        moveTo(JobStatus.SUCCEEDED);
        result = resultJson;
        finish(now);
    }

    void fail(String code, String message, Instant now) {
        moveTo(JobStatus.FAILED);
        errorCode = code;
        errorMessage = message;
        finish(now);
    }

    void cancel(Instant now) {
        moveTo(JobStatus.CANCELLED);
        finish(now);
    }

    void requestCancel() {
        moveTo(JobStatus.CANCELLING);
    }

    /** The worker of this attempt is gone: queue the job again as the next attempt. */
    void requeue() {
        moveTo(JobStatus.QUEUED);
        attempt++;
        lastSequence = 0;
        leaseExpiresAt = null;
        workerId = null;
    }

    private void finish(Instant now) {
        finishedAt = now;
        leaseExpiresAt = null;
    }

    /** Its dispatch is written now: it is handed to workers. */
    void markDispatched() {
        dispatched = true;
    }

    boolean dispatched() {
        return dispatched;
    }

    boolean hasAttemptsLeft() {
        return attempt < maxAttempts;
    }

    void recordSequence(long sequence) {
        lastSequence = sequence;
    }

    void recordProgress(String progressJson) {
        progress = progressJson;
    }

    UUID id() {
        return id;
    }

    String tenant() {
        return tenant;
    }

    String type() {
        return type;
    }

    String name() {
        return name;
    }

    JobStatus status() {
        return status;
    }

    int attempt() {
        return attempt;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    ResourceClass resourceClass() {
        return resourceClass;
    }

    String spec() {
        return spec;
    }

    String requestHash() {
        return requestHash;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    Instant leaseExpiresAt() {
        return leaseExpiresAt;
    }

    long lastSequence() {
        return lastSequence;
    }

    String progress() {
        return progress;
    }

    String result() {
        return result;
    }

    String errorCode() {
        return errorCode;
    }

    String errorMessage() {
        return errorMessage;
    }

    /** Grows with every stored change; what stream subscribers compare to see whether to send again. */
    long version() {
        return version == null ? 0 : version;
    }
}
