package io.spikelot.pipeline.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.training.initializer.Initializer;
import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.InputShape;
import io.spikelot.pipeline.data.Dataset;
import io.spikelot.pipeline.data.DatasetResolver;
import io.spikelot.pipeline.data.DatasetSpec;
import io.spikelot.pipeline.data.EventFrameOptions;
import io.spikelot.pipeline.model.InputKind;
import io.spikelot.pipeline.model.NetworkBuilder;
import io.spikelot.pipeline.model.PatchSelection;
import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.model.WeightInit;
import io.spikelot.pipeline.neuron.NeuronSettings;
import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.train.EpochReport;
import io.spikelot.pipeline.train.TrainingConfig;
import io.spikelot.pipeline.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A few steps of score training on synthetic digits-like data, convnet-s at T = 2. */
class SltSearchTest {

    private static final PruneRatio RATIO = new PruneRatio(0.4);
    private static final Dataset DATA = new DatasetResolver(Path.of("unused"))
            .resolve(new DatasetSpec("synthetic-static", 64, 16), EventFrameOptions.of(2), 7);

    @Test
    void edgePopupReturnsExactMasksOverFrozenSignedConstantWeights() {
        Ticket result = search(TicketKind.EDGE_POPUP, WeightInit.SIGNED_CONSTANT, 3);
        assertThat(result.training().steps()).isEqualTo(3);
        assertThat(result.masks().keySet()).containsExactlyInAnyOrder("conv1.weight", "conv2.weight", "head.weight");
        result.masks().forEach((name, mask) -> {
            long n = mask.size();
            assertThat(mask.countTrue()).as(name).isEqualTo(RATIO.keptCount(n));
            float sigma = (float) Math.sqrt(2.0 / (n / mask.shape()[0]));
            float[] w = result.weights().get(name).values();
            for (int i = 0; i < w.length; i++) {
                // unchanged ±σ on kept entries shows that training left the frozen weights alone
                assertThat(Math.abs(w[i])).as(name).isCloseTo(mask.values()[i] ? sigma : 0f, within(1e-6f));
            }
        });
    }

    @Test
    void bipropWeightsAreOneMagnitudePerLayer() {
        Ticket result = search(TicketKind.BIPROP, WeightInit.KAIMING_NORMAL, 2);
        result.weights().forEach((name, weight) -> {
            float[] w = weight.values();
            boolean[] mask = result.masks().get(name).values();
            float alpha = Math.abs(w[indexOfFirstKept(mask)]);
            assertThat(alpha).as(name).isGreaterThan(0f);
            for (int i = 0; i < w.length; i++) {
                assertThat(Math.abs(w[i])).as(name).isCloseTo(mask[i] ? alpha : 0f, within(alpha * 1e-5f));
            }
        });
    }

    @Test
    void underSignedConstantWeightsBipropIsEdgePopup() {
        // every |W| of a layer is σ, so α = σ and α·sign(W)⊙M = W⊙M, with the same score gradients
        Ticket biprop = search(TicketKind.BIPROP, WeightInit.SIGNED_CONSTANT, 3);
        Ticket edgePopup = search(TicketKind.EDGE_POPUP, WeightInit.SIGNED_CONSTANT, 3);
        biprop.weights().forEach((name, weight) -> {
            assertThat(biprop.masks().get(name).values())
                    .as(name)
                    .isEqualTo(edgePopup.masks().get(name).values());
            float[] other = edgePopup.weights().get(name).values();
            for (int i = 0; i < other.length; i++) {
                assertThat(weight.values()[i]).as(name).isCloseTo(other[i], within(1e-6f));
            }
        });
    }

    @Test
    void underKaimingWeightsBipropDiffersFromEdgePopup() {
        // edge-popup keeps the Gaussian magnitudes; biprop replaces them by one α per layer
        Ticket biprop = search(TicketKind.BIPROP, WeightInit.KAIMING_NORMAL.scaledFan(RATIO.pruned()), 1);
        Ticket edgePopup = search(TicketKind.EDGE_POPUP, WeightInit.KAIMING_NORMAL.scaledFan(RATIO.pruned()), 1);
        assertThat(keptMagnitudeSpread(edgePopup, "conv2.weight")).isGreaterThan(10.0);
        assertThat(keptMagnitudeSpread(biprop, "conv2.weight")).isCloseTo(1.0, within(1e-5));
    }

    /** The largest over the smallest |W_eff| among kept entries. */
    private static double keptMagnitudeSpread(Ticket ticket, String name) {
        float[] w = ticket.weights().get(name).values();
        boolean[] mask = ticket.masks().get(name).values();
        double max = 0;
        double min = Double.MAX_VALUE;
        for (int i = 0; i < w.length; i++) {
            if (mask[i]) {
                max = Math.max(max, Math.abs(w[i]));
                min = Math.min(min, Math.abs(w[i]));
            }
        }
        return max / min;
    }

    @Test
    void trainingMovesTheScoresAndSoTheMasks() {
        Ticket one = search(TicketKind.EDGE_POPUP, WeightInit.SIGNED_CONSTANT, 1);
        Ticket four = search(TicketKind.EDGE_POPUP, WeightInit.SIGNED_CONSTANT, 4);
        assertThat(Arrays.equals(
                        one.masks().get("head.weight").values(),
                        four.masks().get("head.weight").values()))
                .isFalse();
    }

    @Test
    void aGlobalSearchAnnealsItsKeptFractionAndEndsExactlyOnTarget() {
        Dataset oneBatch = new DatasetResolver(Path.of("unused"))
                .resolve(new DatasetSpec("synthetic-static", 16, 8), EventFrameOptions.of(2), 7);
        PruneRatio target = new PruneRatio(0.7);
        SpikingNetwork network = NetworkBuilder.build(
                ArchitectureCatalog.resolve("convnet-s", new InputShape(1, 28, 28), 10),
                InputKind.STATIC,
                NeuronSettings.spiking(2),
                new TicketLayerFactory(
                        TicketKind.EDGE_POPUP,
                        target,
                        WeightInit.SIGNED_CONSTANT,
                        TicketLayerFactory.allLayers(),
                        true));
        Ticket ticket =
                SltSearch.search(network, oneBatch, TrainingConfig.adam(3, 16, 5), TrainingListener.NONE, () -> {});

        assertThat(ticket.keptFractionByEpoch()).hasSize(3);
        assertThat(ticket.keptFractionByEpoch().get(0)).isCloseTo(0.5, within(1e-12));
        assertThat(ticket.keptFractionByEpoch().get(1)).isCloseTo(0.325, within(1e-12));
        long kept = ticket.masks().values().stream()
                .mapToLong(HostTensor.Booleans::countTrue)
                .sum();
        long total =
                ticket.masks().values().stream().mapToLong(HostTensor::size).sum();
        assertThat(kept).isEqualTo(target.keptCount(total));
    }

    @Test
    void multiSpFreezesThePatchEmbeddingTicketBeforeSelectingPatches() {
        Dataset tiny = new DatasetResolver(Path.of("unused"))
                .resolve(new DatasetSpec("synthetic-static", 8, 4), EventFrameOptions.of(2), 7);
        Architecture spikformer = ArchitectureCatalog.resolve("spikformer-tiny", new InputShape(1, 28, 28), 10);
        SpikingNetwork network = NetworkBuilder.build(
                spikformer,
                InputKind.STATIC,
                NeuronSettings.spiking(2),
                new TicketLayerFactory(
                        TicketKind.BIPROP,
                        new PruneRatio(0.4),
                        WeightInit.KAIMING_NORMAL,
                        TicketLayerFactory.searchedLayers(spikformer)),
                0.3);
        List<PatchSelection> selections = PatchSelection.in(network);
        Map<String, boolean[]> stageOneMasks = new HashMap<>();
        List<Boolean> activeAtEpochEnd = new ArrayList<>();
        TrainingListener watcher = new TrainingListener() {
            @Override
            public void onEpoch(EpochReport report) {
                activeAtEpochEnd.add(selections.get(0).active());
                if (report.epoch() == 1) {
                    TicketLayers.of(network).forEach((name, layer) -> {
                        try (NDManager scope =
                                layer.scores().getArray().getManager().newSubManager()) {
                            stageOneMasks.put(
                                    name, HostTensor.mask(layer.mask(scope)).values());
                        }
                    });
                }
            }
        };

        Ticket ticket = SltSearch.search(network, tiny, TrainingConfig.adam(1, 8, 5), 0, watcher, () -> {});

        assertThat(selections).hasSize(1);
        // stage 1 sees every patch, stage 2 (as many epochs again) selects them
        assertThat(activeAtEpochEnd).containsExactly(false, true);
        assertThat(ticket.training().history()).hasSize(2);
        assertThat(stageOneMasks).isNotEmpty();
        stageOneMasks.forEach((name, mask) ->
                assertThat(ticket.masks().get(name).values()).as(name).isEqualTo(mask));
    }

    private static Ticket search(TicketKind kind, Initializer init, int steps) {
        SpikingNetwork network = NetworkBuilder.build(
                ArchitectureCatalog.resolve("convnet-s", new InputShape(1, 28, 28), 10),
                InputKind.STATIC,
                NeuronSettings.spiking(2),
                new TicketLayerFactory(kind, RATIO, init, TicketLayerFactory.allLayers()));
        TrainingConfig config = TrainingConfig.adam(1, 16, 5).withMaxSteps(steps);
        return SltSearch.search(network, DATA, config, TrainingListener.NONE, () -> {});
    }

    private static int indexOfFirstKept(boolean[] mask) {
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                return i;
            }
        }
        throw new AssertionError("empty mask");
    }
}
