package io.spikelot.api.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One delivery of the log: the event, where it stands, and each HTTP attempt.
 *
 * @param id the {@code Spikelot-Delivery} header of every attempt of it
 * @param state {@code PENDING}, {@code DELIVERED}, {@code FAILED} (given up, or 410 Gone) or {@code DISCARDED}
 * @param nextAttemptAt when it is sent again, while pending
 */
public record DeliveryView(
        UUID id,
        String event,
        UUID jobId,
        String state,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant finishedAt,
        List<Attempt> attempts) {

    /**
     * @param statusCode the receiver's HTTP status; null when none came (timeout, refused connection or URL)
     * @param latencyMs from sending to the answer (or the error)
     */
    public record Attempt(int attempt, Instant at, Integer statusCode, long latencyMs, String error) {}
}
