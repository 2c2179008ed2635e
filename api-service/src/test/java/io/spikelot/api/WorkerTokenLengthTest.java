package io.spikelot.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** A worker token under 32 characters stops the API at start-up, as a short API key does. */
class WorkerTokenLengthTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);

    @Test
    void aShortWorkerTokenIsRefusedWithTheWayToMakeOne() {
        runner.withPropertyValues("spikelot.worker-token=only-31-characters-long-tokenx")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("at least 32 characters")
                        .hasMessageContaining("openssl rand -hex 32"));
    }

    @Test
    void duringARotationEveryListedTokenMustBeLongEnough() {
        runner.withPropertyValues("spikelot.worker-token=" + "n".repeat(32) + ",short")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("spikelot.worker-token=" + "n".repeat(32) + ", " + "o".repeat(40))
                .run(context -> assertThat(context.getBean(ApiProperties.class).workerTokens())
                        .containsExactly("n".repeat(32), "o".repeat(40)));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ApiProperties.class)
    static class PropertiesOnly {}
}
