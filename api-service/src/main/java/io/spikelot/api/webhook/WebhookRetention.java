package io.spikelot.api.webhook;

import io.spikelot.api.BatchedPurge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the webhook tables bounded: deletes deliveries that finished (delivered, failed for good, or discarded)
 * longer ago than the retention period, with their attempts. Pending deliveries are never touched, however old:
 * the relay still owes them.
 */
@Component
class WebhookRetention {

    private static final Logger log = LoggerFactory.getLogger(WebhookRetention.class);

    private final DeliveryRepository deliveries;
    private final BatchedPurge purge;
    private final Clock clock;
    private final Duration retention;
    private final int batch;

    WebhookRetention(
            DeliveryRepository deliveries,
            TransactionTemplate transactions,
            Clock clock,
            WebhookProperties properties) {
        this.deliveries = deliveries;
        this.purge = new BatchedPurge(transactions);
        this.clock = clock;
        this.retention = properties.retention();
        this.batch = properties.cleanupBatch();
    }

    @Scheduled(
            fixedDelayString = "${spikelot.webhooks.cleanup-interval:1m}",
            initialDelayString = "${spikelot.webhooks.cleanup-interval:1m}")
    void purge() {
        try {
            int deleted = deleteFinishedBefore(clock.instant().minus(retention), batch);
            if (deleted > 0) {
                log.info("Deleted {} webhook deliveries finished more than {} ago", deleted, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Webhook delivery clean-up failed, will retry: {}", e.toString());
        }
    }

    /** Deletes every delivery finished before {@code cutoff}, {@code batchSize} per transaction; returns how many. */
    int deleteFinishedBefore(Instant cutoff, int batchSize) {
        return purge.run(batchSize, limit -> deliveries.deleteFinishedBefore(cutoff, limit));
    }
}
