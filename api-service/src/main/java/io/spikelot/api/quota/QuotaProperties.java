package io.spikelot.api.quota;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * Quotas ({@code spikelot.quotas.*}). A limit is looked up per tenant and resource class: the tenant's override for
 * the class, else the class's default, else the default.
 *
 * <pre>
 * spikelot.quotas:
 *   default: {max-queued: 1000, max-running: 100}     # each resource class of each tenant
 *   classes: {gpu: {max-queued: 200, max-running: 4}}
 *   tenants: {acme: {gpu: {max-queued: 20, max-running: 1}}, lab: {cpu: {max-queued: -1, max-running: -1}}}
 * </pre>
 *
 * <p>A limit of {@code -1} means no limit. A class of a tenant with neither limit skips quota accounting altogether:
 * no lock, no count. With a limit, the tenant's submits of that class are decided one after another (an advisory
 * lock held until commit), and each decision counts at most {@code limit} rows, so its cost does not grow with a
 * long queue.
 *
 * @param defaultLimits ({@code default}) the limits of every tenant and class without a more specific one; 1000
 *     queued and 100 running when not set
 * @param classes defaults per resource class ({@code cpu}, {@code gpu})
 * @param tenants overrides per tenant, then per resource class
 * @param retryAfter the {@code Retry-After} of a refused submit
 */
@Validated
@ConfigurationProperties("spikelot.quotas")
public record QuotaProperties(
        @Name("default") @Valid @NotNull @DefaultValue Limits defaultLimits,
        @DefaultValue Map<String, @Valid Limits> classes,
        @DefaultValue Map<String, Map<String, @Valid Limits>> tenants,
        @DefaultValue("30s") @NotNull Duration retryAfter) {

    /**
     * @param maxQueued jobs waiting to run (QUEUED), at most; a submit beyond answers 429; -1: no limit
     * @param maxRunning jobs handed to workers (dispatched, RUNNING or CANCELLING), at most; further queued jobs
     *     wait in the API, undispatched, until one of them finishes; -1: no limit
     */
    public record Limits(@Min(-1) Integer maxQueued, @Min(-1) Integer maxRunning) {}
}
