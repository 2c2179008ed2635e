package io.spikelot.pipeline.ticket;

import ai.djl.ndarray.NDManager;
import io.spikelot.pipeline.artifact.TensorBytes;
import io.spikelot.pipeline.data.Dataset;
import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.train.EpochReport;
import io.spikelot.pipeline.train.StepReport;
import io.spikelot.pipeline.train.TrainingConfig;
import io.spikelot.pipeline.train.TrainingListener;
import io.spikelot.pipeline.train.TrainingLoop;
import io.spikelot.pipeline.train.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the scores of a network built with a {@link TicketLayerFactory} (only parameters that require gradients
 * move: scores, plus any dense or BatchNorm parameters) and returns the winning ticket's masks and weights.
 *
 * <p>{@link TrainingLoop} closes the model, and with it every parameter, when it returns, so the masks are copied
 * to the heap at the end of every epoch; the last copy is the result.
 */
public final class SltSearch {

    private SltSearch() {}

    public static SltResult search(
            SpikingNetwork network,
            Dataset data,
            TrainingConfig config,
            TrainingListener listener,
            Runnable cancellation) {
        return search(network, data, config, 0, listener, cancellation);
    }

    /**
     * Searches for {@code config.epochs()} epochs, then, when {@code fineTuneEpochs > 0}, fine-tunes the kept weights
     * of the ticket with the mask frozen ({@link TicketLayer#startFineTuning()}) for that many epochs with a fresh
     * optimizer of the same settings. Epochs are numbered across both phases.
     */
    public static SltResult search(
            SpikingNetwork network,
            Dataset data,
            TrainingConfig config,
            int fineTuneEpochs,
            TrainingListener listener,
            Runnable cancellation) {
        Map<String, TicketLayer> layers = TicketLayers.of(network);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("The network has no ticket layers; build it with a TicketLayerFactory");
        }
        Snapshot snapshot = new Snapshot(layers, listener);
        List<TrainingLoop.Phase> phases = new ArrayList<>();
        phases.add(TrainingLoop.Phase.of(config));
        if (fineTuneEpochs > 0) {
            phases.add(new TrainingLoop.Phase(
                    config.withEpochs(fineTuneEpochs), () -> layers.values().forEach(TicketLayer::startFineTuning)));
        }
        TrainingResult training = TrainingLoop.train(network, data, phases, snapshot, cancellation);
        return new SltResult(training, snapshot.masks, snapshot.weights);
    }

    /** Forwards progress and copies masks and effective weights to the heap after each epoch. */
    private static final class Snapshot implements TrainingListener {
        private final Map<String, TicketLayer> layers;
        private final TrainingListener listener;
        private Map<String, TensorBytes> masks = Map.of();
        private Map<String, TensorBytes> weights = Map.of();

        Snapshot(Map<String, TicketLayer> layers, TrainingListener listener) {
            this.layers = layers;
            this.listener = listener;
        }

        @Override
        public void onStep(StepReport report) {
            listener.onStep(report);
        }

        @Override
        public void onEpoch(EpochReport report) {
            Map<String, TensorBytes> newMasks = new LinkedHashMap<>();
            Map<String, TensorBytes> newWeights = new LinkedHashMap<>();
            layers.forEach((name, layer) -> {
                try (NDManager scope = layer.scores().getArray().getManager().newSubManager()) {
                    newMasks.put(name, TensorBytes.mask(layer.mask(scope)));
                    newWeights.put(name, TensorBytes.floats(layer.finalWeight(scope)));
                }
            });
            masks = newMasks;
            weights = newWeights;
            listener.onEpoch(report);
        }
    }
}
