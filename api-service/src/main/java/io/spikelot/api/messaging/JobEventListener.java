package io.spikelot.api.messaging;

import io.spikelot.api.DatabaseOutage;
import io.spikelot.model.messaging.JobEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes worker events. An unreadable event is a poison message: rejected without requeue, so it lands in the
 * dead-letter queue. While the database is unreachable an event waits for it; other failures to apply are retried a
 * few times, then dead-lettered.
 */
@Component
class JobEventListener {

    private static final Logger log = LoggerFactory.getLogger(JobEventListener.class);

    private static final int APPLY_TRIES = 5;
    private static final long OUTAGE_RETRY_MS = 1_000;

    private final JobEventHandler handler;
    private final JsonMapper json;

    JobEventListener(JobEventHandler handler, JsonMapper json) {
        this.handler = handler;
        this.json = json;
    }

    @RabbitListener(queues = "#{@topology.eventsQueue()}", concurrency = "1")
    void onEvent(Message message) {
        JobEvent event;
        try {
            event = json.readValue(message.getBody(), JobEvent.class);
        } catch (JacksonException e) {
            log.warn("Dead-lettering an unreadable event: {}", e.getOriginalMessage());
            throw new AmqpRejectAndDontRequeueException("Unreadable event", e);
        }
        if (event.jobId() == null || event.kind() == null || event.attempt() < 1 || event.sequence() < 1) {
            log.warn("Dead-lettering an incomplete event: {}", event);
            throw new AmqpRejectAndDontRequeueException("Incomplete event");
        }
        applyWithRetries(event);
    }

    /**
     * While the database is unreachable the event waits, unacknowledged, and is tried again every few seconds for as
     * long as the outage lasts: it is applied once the database is back (the sequence check makes a repeat harmless)
     * and never dead-lettered for an outage. Any other failure (a contended row) gets a few tries, then the
     * dead-letter queue.
     */
    private void applyWithRetries(JobEvent event) {
        int failures = 0;
        for (long outageTries = 0; ; ) {
            try {
                handler.apply(event);
                if (outageTries > 0) {
                    log.info("Applied {} of job {} after a database outage", event.kind(), event.jobId());
                }
                return;
            } catch (RuntimeException e) {
                if (DatabaseOutage.isCause(e)) {
                    if (outageTries++ % 10 == 0) {
                        log.warn(
                                "Database unreachable; {} of job {} waits for it: {}",
                                event.kind(),
                                event.jobId(),
                                e.toString());
                    }
                    pause(OUTAGE_RETRY_MS);
                    continue;
                }
                if (++failures == APPLY_TRIES) {
                    log.error("Dead-lettering {} of job {} after {} tries", event.kind(), event.jobId(), failures, e);
                    throw new AmqpRejectAndDontRequeueException("Could not apply event", e);
                }
                log.warn(
                        "Applying {} of job {} failed (try {}): {}",
                        event.kind(),
                        event.jobId(),
                        failures,
                        e.toString());
                pause(200L << failures);
            }
        }
    }

    /** Interrupted (the API is stopping): the event goes back to the queue for the next consumer, never dead. */
    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImmediateRequeueAmqpException("Stopping; the event stays queued", e);
        }
    }
}
