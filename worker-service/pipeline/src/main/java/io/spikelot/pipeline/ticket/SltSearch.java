package io.spikelot.pipeline.ticket;

import ai.djl.ndarray.NDManager;
import io.spikelot.pipeline.data.Dataset;
import io.spikelot.pipeline.model.PatchSelection;
import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.train.EpochReport;
import io.spikelot.pipeline.train.TrainingConfig;
import io.spikelot.pipeline.train.TrainingListener;
import io.spikelot.pipeline.train.TrainingLoop;
import io.spikelot.pipeline.train.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains the scores of a network built with a {@link TicketLayerFactory} (only parameters that require gradients
 * move: scores, plus any dense or BatchNorm parameters) and returns the winning ticket's masks and weights,
 * copied to the heap once training has ended. A global ranking anneals its kept fraction over the first search
 * epochs as biprop does ({@link KeptFractionSchedule}).
 */
public final class SltSearch {

    private SltSearch() {}

    public static Ticket search(
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
     * optimizer of the same settings. A network with MultiSp patch selection then trains {@code config.epochs()}
     * more epochs with the ticket frozen and patches selected (stage 2 of Algorithm 1). Epochs are numbered across
     * all phases.
     */
    public static Ticket search(
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
        Snapshot snapshot = new Snapshot(layers);
        Optional<GlobalScope> global =
                layers.values().stream().flatMap(l -> l.globalScope().stream()).findFirst();
        global.ifPresent(scope ->
                scope.anneal(KeptFractionSchedule.biprop(scope.schedule().target(), config.epochs())));
        TrainingListener annealing = new TrainingListener() {
            @Override
            public void onEpoch(EpochReport report) {
                // epochs count from 1, so the epoch that starts next has index report.epoch() from 0
                global.ifPresent(scope -> scope.startEpoch(report.epoch()));
            }
        };
        List<TrainingLoop.Phase> phases = new ArrayList<>();
        phases.add(TrainingLoop.Phase.of(config));
        if (fineTuneEpochs > 0) {
            phases.add(new TrainingLoop.Phase(
                    config.withEpochs(fineTuneEpochs), () -> layers.values().forEach(TicketLayer::startFineTuning)));
        }
        List<PatchSelection> patches = PatchSelection.in(network);
        if (!patches.isEmpty()) {
            // Algorithm 1, stage 2 (MultiSp): the patch embedding's ticket is frozen, then patches are selected
            phases.add(new TrainingLoop.Phase(config, () -> {
                layers.values().forEach(TicketLayer::freezeTicket);
                patches.forEach(PatchSelection::activate);
            }));
        }
        TrainingResult training = TrainingLoop.train(
                network, data, phases, annealing.andThen(listener).andThen(snapshot), cancellation);
        List<Double> schedule = global.map(scope -> scope.schedule().keptFractions(config.epochs()))
                .orElse(List.of());
        return new Ticket(training, snapshot.masks, snapshot.weights, schedule);
    }

    /** Copies masks and effective weights to the heap once training has ended. */
    private static final class Snapshot implements TrainingListener {
        private final Map<String, TicketLayer> layers;
        private final Map<String, HostTensor.Booleans> masks = new LinkedHashMap<>();
        private final Map<String, HostTensor.Floats> weights = new LinkedHashMap<>();

        Snapshot(Map<String, TicketLayer> layers) {
            this.layers = layers;
        }

        @Override
        public void onTrained(SpikingNetwork network) {
            layers.forEach((name, layer) -> {
                try (NDManager scope = layer.scores().getArray().getManager().newSubManager()) {
                    HostTensor.Booleans mask = HostTensor.mask(layer.mask(scope));
                    masks.put(name, mask);
                    weights.put(name, positiveZeros(HostTensor.floats(layer.finalWeight(scope)), mask));
                }
            });
        }

        /**
         * W ⊙ M is −0 where a negative weight was pruned; a pruned entry is +0 here, so that a bit-packed ticket,
         * which stores no pruned values, unpacks to the very bits of {@code model.safetensors}.
         */
        private static HostTensor.Floats positiveZeros(HostTensor.Floats weight, HostTensor.Booleans mask) {
            float[] values = weight.values();
            for (int i = 0; i < values.length; i++) {
                if (!mask.values()[i]) {
                    values[i] = 0f;
                }
            }
            return weight;
        }
    }
}
