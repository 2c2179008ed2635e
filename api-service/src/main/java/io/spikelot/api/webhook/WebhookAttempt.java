package io.spikelot.api.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One HTTP attempt of a delivery, as the delivery log shows it. */
@Entity
@Table(name = "webhook_attempts")
class WebhookAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "delivery_id", nullable = false)
    private UUID deliveryId;

    @Column(nullable = false)
    private int attempt;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "status_code")
    private Integer statusCode;

    @Column(name = "latency_ms", nullable = false)
    private long latencyMs;

    private String error;

    protected WebhookAttempt() {}

    WebhookAttempt(UUID deliveryId, int attempt, Instant at, Integer statusCode, long latencyMs, String error) {
        this.deliveryId = deliveryId;
        this.attempt = attempt;
        this.at = at;
        this.statusCode = statusCode;
        this.latencyMs = latencyMs;
        this.error = error == null || error.length() <= 500 ? error : error.substring(0, 497) + "...";
    }

    UUID deliveryId() {
        return deliveryId;
    }

    int attempt() {
        return attempt;
    }

    Instant at() {
        return at;
    }

    Integer statusCode() {
        return statusCode;
    }

    long latencyMs() {
        return latencyMs;
    }

    String error() {
        return error;
    }
}
