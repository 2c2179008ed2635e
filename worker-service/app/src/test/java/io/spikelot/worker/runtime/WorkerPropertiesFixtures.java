package io.spikelot.worker.runtime;

import io.spikelot.model.job.ResourceClass;
import io.spikelot.worker.WorkerProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Worker settings for tests: a CPU-pool worker {@code w1} with worker.yml's timings unless a test names its own. */
final class WorkerPropertiesFixtures {

    private WorkerPropertiesFixtures() {}

    static WorkerProperties properties(URI apiUrl, String token, String device, Duration apiReadTimeout) {
        return new WorkerProperties(
                apiUrl,
                token,
                Path.of("/tmp"),
                new WorkerProperties.Broker("spikelot"),
                new WorkerProperties.Worker(
                        ResourceClass.CPU,
                        device,
                        Path.of("/tmp"),
                        Duration.ofSeconds(5),
                        "w1",
                        Duration.ofSeconds(5),
                        apiReadTimeout));
    }
}
