package io.spikelot.api.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A tenant's subscription: where to send which events, and the secret that signs them. */
@Entity
@Table(name = "webhook_subscriptions")
class WebhookSubscription {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String tenant;

    @Column(nullable = false)
    private String url;

    /** Comma-separated event names. */
    @Column(nullable = false)
    private String events;

    private String description;

    @Column(nullable = false)
    private String secret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "disabled_reason")
    private String disabledReason;

    protected WebhookSubscription() {}

    WebhookSubscription(
            UUID id, String tenant, String url, List<String> events, String description, String secret, Instant now) {
        this.id = id;
        this.tenant = tenant;
        this.url = url;
        this.events = String.join(",", events);
        this.description = description;
        this.secret = secret;
        this.createdAt = now;
    }

    boolean wants(String event) {
        return disabledAt == null && eventList().contains(event);
    }

    void disable(String reason, Instant now) {
        if (disabledAt == null) {
            disabledAt = now;
            disabledReason = reason;
        }
    }

    UUID id() {
        return id;
    }

    String tenant() {
        return tenant;
    }

    String url() {
        return url;
    }

    List<String> eventList() {
        return Arrays.asList(events.split(","));
    }

    String description() {
        return description;
    }

    String secret() {
        return secret;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant disabledAt() {
        return disabledAt;
    }

    String disabledReason() {
        return disabledReason;
    }

    boolean enabled() {
        return disabledAt == null;
    }
}
