package io.spikelot.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** A worker without a token of at least 32 characters refuses to start. */
class WorkerTokenLengthTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesOnly.class)
            .withPropertyValues(
                    "spikelot.api-url=http://127.0.0.1:8080",
                    "spikelot.datasets-root=/tmp",
                    "spikelot.worker.scratch-dir=/tmp");

    @Test
    void aShortOrMissingTokenStopsTheWorker() {
        runner.withPropertyValues("spikelot.worker-token=short-token").run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("at least 32 characters"));
        runner.run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("spikelot.worker-token=" + "t".repeat(32))
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WorkerProperties.class)
    static class PropertiesOnly {}
}
