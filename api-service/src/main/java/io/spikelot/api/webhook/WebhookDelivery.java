package io.spikelot.api.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event for one subscription: its fixed body, and where its delivery stands. */
@Entity
@Table(name = "webhook_deliveries")
class WebhookDelivery {

    /** Where a delivery stands. */
    enum State {
        /** Not yet acknowledged; sent when {@code nextAttemptAt} has come. */
        PENDING,
        /** The receiver answered 2xx. */
        DELIVERED,
        /** Given up: retried for the whole retry window, or the receiver answered 410 Gone. */
        FAILED,
        /** Dropped unsent: its subscription was disabled. */
        DISCARDED
    }

    @Id
    private UUID id;

    @Column(name = "subscription_id", nullable = false)
    private UUID subscriptionId;

    @Column(nullable = false)
    private String event;

    @Column(name = "job_id")
    private UUID jobId;

    @Column(nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected WebhookDelivery() {}

    WebhookDelivery(UUID id, UUID subscriptionId, String event, UUID jobId, String payload, Instant now) {
        this.id = id;
        this.subscriptionId = subscriptionId;
        this.event = event;
        this.jobId = jobId;
        this.payload = payload;
        this.state = State.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Taken by a relay until {@code until}; if that relay dies, another sends it after then. */
    void claim(Instant until) {
        nextAttemptAt = until;
    }

    void delivered(Instant now) {
        attempts++;
        state = State.DELIVERED;
        nextAttemptAt = null;
        finishedAt = now;
    }

    void failed(Instant now) {
        attempts++;
        state = State.FAILED;
        nextAttemptAt = null;
        finishedAt = now;
    }

    void retryAt(Instant at) {
        attempts++;
        nextAttemptAt = at;
    }

    void discard(Instant now) {
        state = State.DISCARDED;
        nextAttemptAt = null;
        finishedAt = now;
    }

    UUID id() {
        return id;
    }

    UUID subscriptionId() {
        return subscriptionId;
    }

    String event() {
        return event;
    }

    UUID jobId() {
        return jobId;
    }

    String payload() {
        return payload;
    }

    State state() {
        return state;
    }

    int attempts() {
        return attempts;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }
}
