package io.spikelot.api.quota;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.spikelot.model.job.ResourceClass;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The limits of a tenant's resource class, and the refusals counted on {@code /actuator/prometheus}. */
@Component
public class Quotas {

    static final int DEFAULT_MAX_QUEUED = 1000;
    static final int DEFAULT_MAX_RUNNING = 100;

    /** A limit of {@value} means no limit. */
    public static final int UNLIMITED = -1;

    /** How many jobs of one resource class a tenant may have waiting, and handed to workers ({@code -1}: any). */
    public record Limit(int maxQueued, int maxRunning) {

        public boolean queuedLimited() {
            return maxQueued != UNLIMITED;
        }

        public boolean runningLimited() {
            return maxRunning != UNLIMITED;
        }
    }

    private final QuotaProperties properties;
    private final MeterRegistry registry;

    Quotas(QuotaProperties properties, MeterRegistry registry) {
        this.properties = properties;
        this.registry = registry;
    }

    public Limit of(String tenant, ResourceClass resourceClass) {
        String name = resourceClass.wireName();
        QuotaProperties.Limits tenantLimits =
                properties.tenants().getOrDefault(tenant, Map.of()).get(name);
        QuotaProperties.Limits classLimits = properties.classes().get(name);
        QuotaProperties.Limits defaults = properties.defaultLimits();
        return new Limit(
                first(
                        tenantLimits == null ? null : tenantLimits.maxQueued(),
                        classLimits == null ? null : classLimits.maxQueued(),
                        defaults.maxQueued(),
                        DEFAULT_MAX_QUEUED),
                first(
                        tenantLimits == null ? null : tenantLimits.maxRunning(),
                        classLimits == null ? null : classLimits.maxRunning(),
                        defaults.maxRunning(),
                        DEFAULT_MAX_RUNNING));
    }

    public Duration retryAfter() {
        return properties.retryAfter();
    }

    /** Counts a submit refused over the queued limit. */
    public void rejected(String tenant, ResourceClass resourceClass) {
        Counter.builder("spikelot.quota.rejections")
                .description("Submits refused with 429 because the tenant's queue for the resource class was full")
                .tag("tenant", tenant)
                .tag("resource_class", resourceClass.wireName())
                .register(registry)
                .increment();
    }

    private static int first(Integer a, Integer b, Integer c, int fallback) {
        return a != null ? a : b != null ? b : c != null ? c : fallback;
    }
}
