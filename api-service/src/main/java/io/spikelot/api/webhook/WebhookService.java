package io.spikelot.api.webhook;

import io.spikelot.api.job.JobChangeListener;
import io.spikelot.api.problem.ApiProblem;
import io.spikelot.api.problem.FieldError;
import io.spikelot.api.problem.ProblemType;
import io.spikelot.model.job.JobStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What tenants do with their webhook subscriptions; another tenant's subscription does not exist for them. */
@Service
class WebhookService {

    /** The events a subscription may ask for: every job status, and progress reports. */
    static final List<String> EVENTS = Stream.concat(
                    Arrays.stream(JobStatus.values()).map(Enum::name), Stream.of(JobChangeListener.PROGRESS))
            .toList();

    static final int MAX_DESCRIPTION = 200;

    /** What a subscriber asked for, as sent. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "WebhookRequest")
    record Request(String url, List<String> events, String description) {}

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final AttemptRepository attempts;
    private final WebhookOutbox outbox;
    private final WebhookUrls urls;
    private final Clock clock;
    private final int maxPerTenant;

    WebhookService(
            SubscriptionRepository subscriptions,
            DeliveryRepository deliveries,
            AttemptRepository attempts,
            WebhookOutbox outbox,
            WebhookUrls urls,
            Clock clock,
            WebhookProperties properties) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.outbox = outbox;
        this.urls = urls;
        this.clock = clock;
        this.maxPerTenant = properties.maxSubscriptionsPerTenant();
    }

    /** Checks the request, names every bad field, and stores the subscription with a new secret. */
    @Transactional
    WebhookView create(String tenant, Request request) {
        List<FieldError> errors = new ArrayList<>();
        try {
            urls.check(request.url());
        } catch (WebhookUrls.Refused refused) {
            errors.add(new FieldError("url", refused.getMessage()));
        }
        Set<String> events = new LinkedHashSet<>();
        if (request.events() == null || request.events().isEmpty()) {
            errors.add(new FieldError("events", "must list at least one of " + EVENTS));
        } else {
            for (int i = 0; i < request.events().size(); i++) {
                String event = request.events().get(i);
                if (event == null || !EVENTS.contains(event)) {
                    errors.add(new FieldError("events[" + i + "]", "must be one of " + EVENTS));
                } else {
                    events.add(event);
                }
            }
        }
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "may have at most " + MAX_DESCRIPTION + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        if (subscriptions.countByTenant(tenant) >= maxPerTenant) {
            throw new ApiProblem(
                    ProblemType.CONFLICT,
                    "A tenant may have at most " + maxPerTenant + " webhook subscriptions; delete one first");
        }
        String secret = WebhookSignature.newSecret();
        WebhookSubscription subscription = subscriptions.save(new WebhookSubscription(
                UUID.randomUUID(),
                tenant,
                request.url(),
                List.copyOf(events),
                request.description(),
                secret,
                clock.instant()));
        return WebhookView.of(subscription, secret);
    }

    @Transactional(readOnly = true)
    List<WebhookView> list(String tenant) {
        return subscriptions.findByTenantOrderByCreatedAt(tenant).stream()
                .map(s -> WebhookView.of(s, null))
                .toList();
    }

    @Transactional(readOnly = true)
    WebhookView get(String tenant, UUID id) {
        return WebhookView.of(owned(tenant, id), null);
    }

    /** Deletes the subscription with its deliveries and their log; pending deliveries are never sent. */
    @Transactional
    void delete(String tenant, UUID id) {
        subscriptions.delete(owned(tenant, id));
    }

    /** Queues a {@code PING} delivery; returns its id. */
    @Transactional
    UUID ping(String tenant, UUID id) {
        WebhookSubscription subscription = owned(tenant, id);
        if (!subscription.enabled()) {
            throw new ApiProblem(
                    ProblemType.CONFLICT,
                    "Webhook " + id + " is disabled (" + subscription.disabledReason() + "); create a new one");
        }
        return outbox.ping(subscription);
    }

    /** The newest deliveries, each with its attempts. */
    @Transactional(readOnly = true)
    List<DeliveryView> deliveries(String tenant, UUID id, int limit) {
        owned(tenant, id);
        List<WebhookDelivery> newest = deliveries.newestOf(id, limit);
        Map<UUID, List<WebhookAttempt>> byDelivery =
                attempts
                        .findByDeliveryIdInOrderByAttempt(
                                newest.stream().map(WebhookDelivery::id).toList())
                        .stream()
                        .collect(Collectors.groupingBy(WebhookAttempt::deliveryId));
        return newest.stream()
                .map(d -> new DeliveryView(
                        d.id(),
                        d.event(),
                        d.jobId(),
                        d.state().name(),
                        d.createdAt(),
                        d.nextAttemptAt(),
                        d.finishedAt(),
                        byDelivery.getOrDefault(d.id(), List.of()).stream()
                                .map(a -> new DeliveryView.Attempt(
                                        a.attempt(), a.at(), a.statusCode(), a.latencyMs(), a.error()))
                                .toList()))
                .toList();
    }

    private WebhookSubscription owned(String tenant, UUID id) {
        return subscriptions.findByIdAndTenant(id, tenant).orElseThrow(() -> ApiProblem.notFound("Webhook " + id));
    }
}
