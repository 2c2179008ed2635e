package io.spikelot.worker.runtime;

import ai.djl.engine.Engine;
import io.spikelot.model.messaging.Topology;
import io.spikelot.worker.WorkerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Says at start which device and engine this worker trains with, and refuses to start a GPU worker that finds no
 * GPU: a GPU pool silently training on CPU would be slower by orders of magnitude and nobody would know.
 */
@Component
class DeviceCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DeviceCheck.class);

    private final WorkerProperties properties;
    private final WorkerIdentity identity;
    private final Topology topology;
    private final Pipelines pipelines;

    DeviceCheck(WorkerProperties properties, WorkerIdentity identity, Topology topology, Pipelines pipelines) {
        this.properties = properties;
        this.identity = identity;
        this.topology = topology;
        this.pipelines = pipelines;
    }

    @Override
    public void run(ApplicationArguments args) {
        String wanted = properties.worker().device();
        Engine engine = Engine.getEngine("PyTorch");
        int gpus = engine.getGpuCount();
        if (wanted.equals("gpu") && gpus == 0) {
            throw new IllegalStateException("SPIKELOT_WORKER_DEVICE=gpu but the PyTorch engine (" + engine.getVersion()
                    + ") sees no GPU: check the NVIDIA runtime, the CUDA libtorch on PYTORCH_LIBRARY_PATH and "
                    + "PYTORCH_FLAVOR; refusing to train on CPU");
        }
        String device = wanted.equals("cpu") || gpus == 0 ? "cpu" : "gpu (" + gpus + " visible)";
        log.info(
                "Worker {} consumes {} with device {}, engine PyTorch {} ({}), pipelines {}",
                identity.id(),
                topology.jobsQueue(properties.worker().resourceClass()),
                device,
                engine.getVersion(),
                System.getenv().getOrDefault("PYTORCH_FLAVOR", gpus > 0 ? "cuda" : "cpu"),
                pipelines.types());
    }
}
