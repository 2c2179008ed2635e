package io.spikelot.pipeline.spec;

import ai.djl.engine.Engine;
import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.InputShape;
import io.spikelot.model.graph.Preprocessing;
import io.spikelot.model.spec.DatasetSettings;
import io.spikelot.model.spec.Device;
import io.spikelot.model.spec.LifSettings;
import io.spikelot.model.spec.ModelSettings;
import io.spikelot.model.spec.ResourceSettings;
import io.spikelot.model.spec.Schedule;
import io.spikelot.model.spec.TrainingSettings;
import io.spikelot.pipeline.PipelineException;
import io.spikelot.pipeline.data.Dataset;
import io.spikelot.pipeline.data.DatasetResolver;
import io.spikelot.pipeline.data.DatasetSpec;
import io.spikelot.pipeline.data.EventFrameOptions;
import io.spikelot.pipeline.data.Normalisation;
import io.spikelot.pipeline.neuron.LifConfig;
import io.spikelot.pipeline.neuron.Surrogate;
import io.spikelot.pipeline.train.TrainingConfig;
import java.nio.file.Path;

/** Engine settings from the spec objects every job type shares. */
public final class JobSettings {

    /** Test samples per evaluation forward pass. */
    private static final int EVAL_CHUNK = 256;

    private JobSettings() {}

    /** The LIF neuron of a spec's {@code model}. */
    public static LifConfig lif(LifSettings lif) {
        try {
            return new LifConfig(
                    lif.tau(),
                    lif.threshold(),
                    lif.reset(),
                    0.0,
                    lif.decayInput(),
                    lif.detachReset(),
                    Surrogate.of(lif.surrogate(), lif.surrogateAlpha()));
        } catch (IllegalArgumentException e) {
            throw PipelineException.invalidSpec("Invalid model settings: " + e.getMessage());
        }
    }

    /** How a sample of the spec's dataset becomes the input, as {@link #dataset} prepares it with T frames. */
    public static Preprocessing preprocessing(DatasetSettings d, InputShape frame, int timesteps) {
        EventFrameOptions events =
                new EventFrameOptions(Math.max(1, timesteps), d.frameSplit(), d.resize() == null ? 0 : d.resize());
        return Normalisation.describe(d.name(), frame, events);
    }

    /** Optimizer, schedule, epochs, batch size and seed. */
    public static TrainingConfig training(TrainingSettings t) {
        try {
            return new TrainingConfig(
                    t.epochs(),
                    t.batchSize(),
                    t.optimizer(),
                    t.learningRate(),
                    t.momentum(),
                    t.weightDecay(),
                    t.schedule() == Schedule.COSINE,
                    t.seed(),
                    EVAL_CHUNK,
                    0);
        } catch (IllegalArgumentException e) {
            throw PipelineException.invalidSpec("Invalid training settings: " + e.getMessage());
        }
    }

    /**
     * Loads the dataset from {@code <datasetsRoot>/<dataset.path>}; event streams are framed into {@code timesteps}
     * frames. Refuses a path that leaves the root and a training split smaller than one batch.
     */
    public static Dataset dataset(Path datasetsRoot, DatasetSettings d, int timesteps, int batchSize) {
        String path = d.path();
        Path root = datasetsRoot
                .resolve(path == null || path.isBlank() ? "." : path)
                .normalize();
        if (!root.startsWith(datasetsRoot.normalize())) {
            throw PipelineException.invalidSpec("dataset.path must stay under the datasets root, got " + path);
        }
        EventFrameOptions events =
                new EventFrameOptions(Math.max(1, timesteps), d.frameSplit(), d.resize() == null ? 0 : d.resize());
        Dataset data = new DatasetResolver(root)
                .resolve(new DatasetSpec(d.name(), d.trainLimit(), d.testLimit()), events, d.seed());
        if (data.train().size() < batchSize) {
            throw PipelineException.invalidSpec(
                    "The training split has " + data.train().size() + " samples, fewer than one batch of " + batchSize);
        }
        return data;
    }

    /**
     * The catalog architecture of an {@code slt} or {@code imp} model, with BatchNorm learning γ and β where {@code
     * model.affineNorm} asks for it (biprop's "+BN" search; dense training in {@code imp}, its default), else the
     * catalog's own BN.
     */
    public static Architecture architecture(ModelSettings model, Dataset data) {
        Architecture catalog = architecture(model.architecture(), data);
        return model.affineNorm() ? catalog.withAffineNorm() : catalog;
    }

    /** The catalog architecture for the dataset's frame shape and class count. */
    public static Architecture architecture(String name, Dataset data) {
        try {
            return ArchitectureCatalog.resolve(
                    name, data.train().frameShape(), data.train().classes());
        } catch (IllegalArgumentException e) {
            throw PipelineException.invalidSpec(e.getMessage());
        }
    }

    /**
     * Refuses {@code device: gpu} on a worker without a GPU: gpu jobs are routed to GPU workers, where DJL's
     * default device is the GPU, and a CPU worker must not fake one.
     */
    public static void requireDevice(ResourceSettings resources) {
        if (resources != null
                && resources.device() == Device.GPU
                && Engine.getInstance().getGpuCount() == 0) {
            throw PipelineException.invalidSpec("resources.device 'gpu' is not available: this worker runs on CPU");
        }
    }
}
