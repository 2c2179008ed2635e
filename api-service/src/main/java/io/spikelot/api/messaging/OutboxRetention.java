package io.spikelot.api.messaging;

import io.spikelot.api.ApiProperties;
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
 * Keeps the outbox bounded: deletes rows sent longer ago than the retention period, a batch per short transaction,
 * so the table holds about (messages per second × retention) rows and the relay is never blocked by the clean-up.
 */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final OutboxRepository repository;
    private final BatchedPurge purge;
    private final Clock clock;
    private final Duration retention;
    private final int batch;

    OutboxRetention(
            OutboxRepository repository, TransactionTemplate transactions, Clock clock, ApiProperties properties) {
        this.repository = repository;
        this.purge = new BatchedPurge(transactions);
        this.clock = clock;
        this.retention = properties.outbox().retention();
        this.batch = properties.outbox().cleanupBatch();
    }

    @Scheduled(
            fixedDelayString = "${spikelot.outbox.cleanup-interval:1m}",
            initialDelayString = "${spikelot.outbox.cleanup-interval:1m}")
    void purge() {
        try {
            int deleted = deleteSentBefore(clock.instant().minus(retention), batch);
            if (deleted > 0) {
                log.info("Deleted {} outbox rows sent more than {} ago", deleted, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Outbox clean-up failed, will retry: {}", e.toString());
        }
    }

    /** Deletes every row sent before {@code cutoff}, {@code batchSize} per transaction; returns how many. */
    int deleteSentBefore(Instant cutoff, int batchSize) {
        return purge.run(batchSize, limit -> repository.deleteSentBefore(cutoff, limit));
    }
}
