package io.spikelot.api.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spikelot.model.job.ResourceClass;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lookup order of limits (tenant and class, class, default, built-in) and {@code -1} as "no limit". */
class QuotaLimitsTest {

    private static final QuotaProperties PROPERTIES = new QuotaProperties(
            new QuotaProperties.Limits(50, null),
            Map.of("gpu", new QuotaProperties.Limits(5, 2)),
            Map.of(
                    "lab", Map.of("cpu", new QuotaProperties.Limits(-1, -1)),
                    "acme", Map.of("gpu", new QuotaProperties.Limits(null, -1))),
            Duration.ofSeconds(30));

    private final Quotas quotas = new Quotas(PROPERTIES, new SimpleMeterRegistry());

    @Test
    void limitsComeFromTheMostSpecificSettingThatHasThem() {
        assertThat(quotas.of("anyone", ResourceClass.CPU)).isEqualTo(new Quotas.Limit(50, Quotas.DEFAULT_MAX_RUNNING));
        assertThat(quotas.of("anyone", ResourceClass.GPU)).isEqualTo(new Quotas.Limit(5, 2));
        assertThat(quotas.of("acme", ResourceClass.GPU)).isEqualTo(new Quotas.Limit(5, Quotas.UNLIMITED));
    }

    @Test
    void minusOneMeansNoLimit() {
        Quotas.Limit lab = quotas.of("lab", ResourceClass.CPU);
        assertThat(lab.queuedLimited()).isFalse();
        assertThat(lab.runningLimited()).isFalse();
        Quotas.Limit acme = quotas.of("acme", ResourceClass.GPU);
        assertThat(acme.queuedLimited()).isTrue();
        assertThat(acme.runningLimited()).isFalse();
        assertThat(quotas.of("anyone", ResourceClass.CPU).queuedLimited()).isTrue();
    }
}
