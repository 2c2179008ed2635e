package io.spikelot.worker.runtime;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.djl.engine.Engine;
import io.spikelot.model.messaging.Topology;
import io.spikelot.worker.WorkerProperties;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

class DeviceCheckTest {

    @Test
    void aGpuWorkerWithoutAGpuRefusesToStartAndSaysWhy() {
        assumeThat(Engine.getEngine("PyTorch").getGpuCount())
                .as("this test checks the refusal, so it needs a machine without a GPU")
                .isZero();

        assertThatThrownBy(() -> check("gpu").run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sees no GPU")
                .hasMessageContaining("refusing to train on CPU");
    }

    @Test
    void aCpuOrAutoWorkerStartsOnAnyMachine() {
        assertThatCode(() -> check("cpu").run(new DefaultApplicationArguments()))
                .doesNotThrowAnyException();
        assertThatCode(() -> check("auto").run(new DefaultApplicationArguments()))
                .doesNotThrowAnyException();
    }

    private static DeviceCheck check(String device) {
        WorkerProperties properties = WorkerPropertiesFixtures.properties(
                URI.create("http://127.0.0.1:8080"), "token", device, Duration.ofSeconds(120));
        return new DeviceCheck(
                properties, new WorkerIdentity(properties), Topology.standard(), new Pipelines(List.of()));
    }
}
