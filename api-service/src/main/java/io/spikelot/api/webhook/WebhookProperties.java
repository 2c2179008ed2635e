package io.spikelot.api.webhook;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Webhook settings ({@code spikelot.webhooks.*}, or {@code SPIKELOT_WEBHOOKS_*} variables).
 *
 * @param allowPrivate accept loopback, private, link-local and metadata addresses (the local stack and tests only)
 * @param timeout the longest one delivery attempt may take, connecting included
 * @param initialBackoff the wait after the first failed attempt; it doubles after each further one (with jitter)
 * @param maxBackoff the longest wait between two attempts
 * @param giveUpAfter how long after the event a failing delivery is still retried
 * @param relayInterval how often due deliveries are looked for, behind the wake-up after each commit
 * @param concurrency deliveries in flight at once, per API replica
 * @param maxPayloadBytes the largest body sent; a bigger job leaves out its spec, progress and result
 * @param maxSubscriptionsPerTenant how many subscriptions one tenant may have
 * @param retention how long finished deliveries (delivered, failed, discarded) and their attempts are kept: the
 *     delivery log shows this far back
 * @param cleanupBatch finished deliveries deleted per transaction
 */
@Validated
@ConfigurationProperties("spikelot.webhooks")
public record WebhookProperties(
        @DefaultValue("false") boolean allowPrivate,
        @DefaultValue("10s") @NotNull Duration timeout,
        @DefaultValue("10s") @NotNull Duration initialBackoff,
        @DefaultValue("1h") @NotNull Duration maxBackoff,
        @DefaultValue("24h") @NotNull Duration giveUpAfter,
        @DefaultValue("1s") @NotNull Duration relayInterval,
        @DefaultValue("16") @Min(1) @Max(256) int concurrency,
        @DefaultValue("262144") @Min(1024) int maxPayloadBytes,
        @DefaultValue("25") @Min(1) @Max(1000) int maxSubscriptionsPerTenant,
        @DefaultValue("7d") @NotNull Duration retention,
        @DefaultValue("1000") @Min(1) @Max(100_000) int cleanupBatch) {}
