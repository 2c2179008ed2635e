package io.spikelot.pipeline.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.InputShape;
import io.spikelot.model.spec.OptimizerKind;
import io.spikelot.model.spec.PruneScope;
import io.spikelot.pipeline.data.Dataset;
import io.spikelot.pipeline.data.DatasetResolver;
import io.spikelot.pipeline.data.DatasetSpec;
import io.spikelot.pipeline.data.EventFrameOptions;
import io.spikelot.pipeline.model.InputKind;
import io.spikelot.pipeline.model.NetworkBuilder;
import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.neuron.NeuronSettings;
import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.train.EpochReport;
import io.spikelot.pipeline.train.TrainingConfig;
import io.spikelot.pipeline.train.TrainingLoop;
import io.spikelot.pipeline.train.TrainingResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Masked dense training of convnet-s on synthetic images, three SGD steps with momentum and weight decay (the
 * optimizer settings that would move a pruned weight off zero if its gradient were not masked).
 */
class MaskedTrainingTest {

    private static final Dataset DATA = new DatasetResolver(Path.of("unused"))
            .resolve(new DatasetSpec("synthetic-static", 32, 16), EventFrameOptions.of(2), 7);
    private static final TrainingConfig STEPS =
            new TrainingConfig(1, 8, OptimizerKind.SGD, 0.1, 0.9, 5e-4, true, 3, 16, 3);

    @Test
    void everyConvAndLinearWeightIsMaskedAndNoBatchNormOrBias() {
        MaskedTraining masked = new MaskedTraining(null, null);
        TrainingLoop.train(network(), DATA, STEPS, masked, () -> {});

        assertThat(masked.weightNames()).containsExactly("conv1.weight", "conv2.weight", "head.weight");
        assertThat(masked.trainedState()).containsKeys("bn1.weight", "bn1.bias", "bn1.running_mean");
    }

    @Test
    void rewindingRestoresExactlyTheSnapshotUnderTheMaskAndPrunedWeightsStayZero() {
        MaskedTraining dense = new MaskedTraining(null, null);
        TrainingLoop.train(network(), DATA, STEPS, dense, () -> {});
        Map<String, HostTensor.Floats> snapshot = dense.trainedState();
        Map<String, HostTensor.Booleans> masks = MagnitudePruning.prune(
                NetworkState.weights(snapshot, List.of("conv1.weight", "conv2.weight", "head.weight")),
                null,
                0.5,
                PruneScope.GLOBAL);
        Map<String, HostTensor.Floats> rewound = NetworkState.masked(snapshot, masks);

        MaskedTraining pruned = new MaskedTraining(rewound, masks);
        TrainingLoop.train(network(), DATA, STEPS.withLearningRate(0.5), pruned, () -> {});

        rewound.forEach((name, tensor) ->
                assertThat(pruned.startState().get(name).values()).as(name).containsExactly(tensor.values()));
        assertThat(masks.get("conv1.weight").countTrue())
                .isLessThan(masks.get("conv1.weight").size());
        assertThat(NetworkState.firstNonZeroPruned(pruned.trainedState(), masks))
                .isNull();
        assertThat(pruned.trainedState().get("conv2.weight").values())
                .as("kept weights trained")
                .isNotEqualTo(rewound.get("conv2.weight").values());
    }

    @Test
    void withoutItsMaskThePrunedWeightsWouldMove() {
        MaskedTraining dense = new MaskedTraining(null, null);
        TrainingLoop.train(network(), DATA, STEPS, dense, () -> {});
        Map<String, HostTensor.Floats> snapshot = dense.trainedState();
        Map<String, HostTensor.Booleans> masks = MagnitudePruning.prune(
                NetworkState.weights(snapshot, List.of("conv1.weight", "conv2.weight", "head.weight")),
                null,
                0.5,
                PruneScope.GLOBAL);

        MaskedTraining unmasked = new MaskedTraining(NetworkState.masked(snapshot, masks), null);
        TrainingLoop.train(network(), DATA, STEPS.withLearningRate(0.5), unmasked, () -> {});

        assertThat(NetworkState.firstNonZeroPruned(unmasked.trainedState(), masks))
                .isNotNull();
    }

    @Test
    void aRunTrainedInTwoStretchesOnTwoNetworksEndsAsTheWholeRun() {
        // without momentum, the optimizer holds no state: the schedule and the shuffled order are all that carry over
        TrainingConfig run = new TrainingConfig(2, 8, OptimizerKind.SGD, 0.1, 0, 5e-4, true, 3, 16, 0);
        MaskedTraining whole = new MaskedTraining(null, null);
        TrainingLoop.train(network(), DATA, run, whole, () -> {});

        MaskedTraining first = new MaskedTraining(null, null);
        TrainingLoop.train(network(), DATA, run.stretch(0, 1), first, () -> {});
        MaskedTraining second = new MaskedTraining(first.trainedState(), null);
        TrainingResult rest = TrainingLoop.train(network(), DATA, run.stretch(1, 2), second, () -> {});
        MaskedTraining restarted = new MaskedTraining(first.trainedState(), null);
        TrainingLoop.train(network(), DATA, run.withEpochs(1), restarted, () -> {});

        assertThat(rest.history()).extracting(EpochReport::epoch).containsExactly(2);
        assertThat(rest.steps()).isEqualTo(4);
        whole.trainedState().forEach((name, tensor) -> assertThat(
                        second.trainedState().get(name).values())
                .as(name)
                .containsExactly(tensor.values(), within(1e-6f)));
        assertThat(restarted.trainedState().get("conv1.weight").values())
                .as("a fresh schedule and order instead of the run's")
                .isNotEqualTo(whole.trainedState().get("conv1.weight").values());
    }

    private static SpikingNetwork network() {
        return NetworkBuilder.build(
                ArchitectureCatalog.resolve("convnet-s", new InputShape(1, 28, 28), 10)
                        .withAffineNorm(),
                InputKind.STATIC,
                NeuronSettings.spiking(2),
                new MaskedLayerFactory());
    }
}
