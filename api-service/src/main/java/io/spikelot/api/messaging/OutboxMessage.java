package io.spikelot.api.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message written in the same transaction as the job change that caused it; the relay publishes it. */
@Entity
@Table(name = "outbox")
class OutboxMessage {

    /** Where a message goes: a dispatch to the jobs exchange, a cancellation to the control exchange. */
    enum Kind {
        DISPATCH,
        CANCEL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id", nullable = false)
    private UUID jobId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "routing_key", nullable = false)
    private String routingKey;

    @Column(nullable = false)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(nullable = false)
    private int tries;

    protected OutboxMessage() {}

    OutboxMessage(UUID jobId, Kind kind, String routingKey, String payload, Instant createdAt) {
        this.jobId = jobId;
        this.kind = kind;
        this.routingKey = routingKey;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    UUID jobId() {
        return jobId;
    }

    Kind kind() {
        return kind;
    }

    String routingKey() {
        return routingKey;
    }

    String payload() {
        return payload;
    }

    void markSent(Instant at) {
        sentAt = at;
    }

    void markFailedTry() {
        tries++;
    }
}
