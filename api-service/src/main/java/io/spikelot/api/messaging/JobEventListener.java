package io.spikelot.api.messaging;

import io.spikelot.model.messaging.JobEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes worker events. An unreadable event is a poison message: rejected without requeue, so it lands in the
 * dead-letter queue. A failure to apply (database briefly away) is retried a few times, then dead-lettered.
 */
@Component
class JobEventListener {

    private static final Logger log = LoggerFactory.getLogger(JobEventListener.class);

    private static final int APPLY_TRIES = 5;

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

    /** The database may be briefly away or a row contended: a few tries, then the dead-letter queue. */
    private void applyWithRetries(JobEvent event) {
        for (int attempt = 1; ; attempt++) {
            try {
                handler.apply(event);
                return;
            } catch (RuntimeException e) {
                if (attempt == APPLY_TRIES) {
                    log.error("Dead-lettering {} of job {} after {} tries", event.kind(), event.jobId(), attempt, e);
                    throw new AmqpRejectAndDontRequeueException("Could not apply event", e);
                }
                log.warn(
                        "Applying {} of job {} failed (try {}): {}",
                        event.kind(),
                        event.jobId(),
                        attempt,
                        e.toString());
                pause(200L << attempt);
            }
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AmqpRejectAndDontRequeueException("Interrupted", e);
        }
    }
}
