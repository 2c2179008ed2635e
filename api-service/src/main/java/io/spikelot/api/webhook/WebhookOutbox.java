package io.spikelot.api.webhook;

import io.spikelot.api.RandomIds;
import io.spikelot.api.job.JobChangeListener;
import io.spikelot.api.job.JobView;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one delivery per interested subscription in the transaction of the job change, and wakes the relay once
 * that transaction commits: an event is sent within milliseconds, and still sent after a crash or restart.
 */
@Component
class WebhookOutbox implements JobChangeListener {

    /** The event of a test delivery. */
    static final String PING = "PING";

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final WebhookRelay relay;
    private final JsonMapper json;
    private final Clock clock;
    private final int maxPayloadBytes;

    /**
     * Wakes the relay after the commit. One instance, so that a transaction writing several deliveries registers it
     * once: the transaction's synchronizations are a set.
     */
    private final TransactionSynchronization wakeRelay;

    WebhookOutbox(
            SubscriptionRepository subscriptions,
            DeliveryRepository deliveries,
            WebhookRelay relay,
            JsonMapper json,
            Clock clock,
            WebhookProperties properties) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
        this.maxPayloadBytes = properties.maxPayloadBytes();
        this.wakeRelay = new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        };
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void jobChanged(JobChange change) {
        for (WebhookSubscription subscription : subscriptions.findByTenantOrderByCreatedAt(change.tenant())) {
            if (subscription.wants(change.event())) {
                enqueue(subscription, change.event(), change.job());
            }
        }
    }

    /** A test delivery, without a job. */
    @Transactional(propagation = Propagation.MANDATORY)
    UUID ping(WebhookSubscription subscription) {
        return enqueue(subscription, PING, null);
    }

    private UUID enqueue(WebhookSubscription subscription, String event, JobView job) {
        UUID id = RandomIds.next();
        Instant now = clock.instant();
        String payload = payload(id, event, now, job);
        deliveries.save(new WebhookDelivery(id, subscription.id(), event, job == null ? null : job.id(), payload, now));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(wakeRelay);
        }
        return id;
    }

    /** {@code {id, event, createdAt, job}}; a job too big to send leaves out its spec, progress and result. */
    private String payload(UUID id, String event, Instant now, JobView job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("event", event);
        body.put("createdAt", now);
        body.put("job", job);
        String text = json.writeValueAsString(body);
        if (job != null && text.getBytes(StandardCharsets.UTF_8).length > maxPayloadBytes) {
            body.put(
                    "job",
                    new JobView(
                            job.id(),
                            job.type(),
                            job.name(),
                            job.status(),
                            job.attempt(),
                            job.maxAttempts(),
                            job.resourceClass(),
                            job.createdAt(),
                            job.startedAt(),
                            job.finishedAt(),
                            null,
                            null,
                            job.error(),
                            null));
            body.put("truncated", true);
            text = json.writeValueAsString(body);
        }
        return text;
    }
}
