package io.spikelot.pipeline.train;

import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.InputShape;
import io.spikelot.model.spec.OptimizerKind;
import io.spikelot.pipeline.data.Dataset;
import io.spikelot.pipeline.data.DatasetResolver;
import io.spikelot.pipeline.data.DatasetSpec;
import io.spikelot.pipeline.data.EventFrameOptions;
import io.spikelot.pipeline.model.InputKind;
import io.spikelot.pipeline.model.NetworkBuilder;
import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.model.WeightLayerFactory;
import io.spikelot.pipeline.neuron.NeuronSettings;
import java.nio.file.Path;

/** Small, fast training setups for tests. */
final class TrainingFixtures {

    private TrainingFixtures() {}

    static Dataset aSyntheticStaticSet(int train, int test) {
        return new DatasetResolver(Path.of("unused"))
                .resolve(new DatasetSpec("synthetic-static", train, test), EventFrameOptions.of(2), 7);
    }

    static Dataset aSyntheticEventSet(int frames, int train, int test) {
        return new DatasetResolver(Path.of("unused"))
                .resolve(new DatasetSpec("synthetic-events", train, test), EventFrameOptions.of(frames), 7);
    }

    static SpikingNetwork aConvNetS(InputShape input, InputKind kind, NeuronSettings neurons) {
        return NetworkBuilder.build(
                ArchitectureCatalog.resolve("convnet-s", input, 10), kind, neurons, WeightLayerFactory.dense());
    }

    static SpikingNetwork aSpikingConvNetS(int timesteps) {
        return aConvNetS(new InputShape(1, 28, 28), InputKind.STATIC, NeuronSettings.spiking(timesteps));
    }

    static TrainingConfig aQuickConfig(int batch) {
        return new TrainingConfig(1, batch, OptimizerKind.ADAM, 1e-3, 0, 0, true, 11, 16, 0);
    }
}
