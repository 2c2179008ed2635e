package io.spikelot.api.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription as the API shows it.
 *
 * @param events the job statuses ({@code QUEUED}, {@code RUNNING}, ...) and {@code PROGRESS} it receives
 * @param enabled false once disabled (its receiver answered 410 Gone); a disabled subscription receives nothing
 * @param secret the signing secret: only in the answer to its creation, never again
 */
public record WebhookView(
        UUID id,
        String url,
        List<String> events,
        String description,
        Instant createdAt,
        boolean enabled,
        Instant disabledAt,
        String disabledReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static WebhookView of(WebhookSubscription s, String secret) {
        return new WebhookView(
                s.id(),
                s.url(),
                s.eventList(),
                s.description(),
                s.createdAt(),
                s.enabled(),
                s.disabledAt(),
                s.disabledReason(),
                secret);
    }
}
