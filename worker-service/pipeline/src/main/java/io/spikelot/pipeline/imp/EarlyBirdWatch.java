package io.spikelot.pipeline.imp;

import io.spikelot.model.spec.PruneScope;
import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.prune.MagnitudePruning;
import io.spikelot.pipeline.prune.MaskDistance;
import io.spikelot.pipeline.prune.MaskedLayer;
import io.spikelot.pipeline.prune.MaskedTraining;
import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.train.EpochReport;
import io.spikelot.pipeline.train.TrainingListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Early-Bird check (Kim et al.'s {@code train_snn_earlybird.py}): at the start of every search epoch the
 * magnitude mask at the target sparsity enters a FIFO; once it is full, the search stops when the newest mask
 * differs from every older one by less than the threshold. The distance's denominator also counts the affine
 * BatchNorm scales, whose mask is always 1, as the reference does. It spans several segments (Early-Time switches
 * T inside the search): only the first start counts as an epoch start.
 */
final class EarlyBirdWatch implements TrainingListener {

    private final double sparsity;
    private final PruneScope scope;
    private final double threshold;
    private final int queueLength;
    private final Deque<Map<String, HostTensor.Booleans>> queue = new ArrayDeque<>();
    private final List<Double> distances = new ArrayList<>();
    private SpikingNetwork network;
    private int epochs;
    private Integer stopEpoch;

    EarlyBirdWatch(double sparsity, PruneScope scope, double threshold, int queueLength) {
        this.sparsity = sparsity;
        this.scope = scope;
        this.threshold = threshold;
        this.queueLength = queueLength;
    }

    @Override
    public void onStart(SpikingNetwork network) {
        boolean first = this.network == null;
        this.network = network;
        if (first) {
            check();
        }
    }

    @Override
    public void onEpoch(EpochReport report) {
        epochs++;
        if (stopEpoch == null) {
            check();
        }
    }

    @Override
    public boolean done() {
        return stopEpoch != null;
    }

    private void check() {
        Map<String, MaskedLayer> layers = MaskedTraining.layers(network);
        Map<String, HostTensor.Floats> weights = new LinkedHashMap<>();
        layers.forEach((name, layer) ->
                weights.put(name, HostTensor.floats(layer.weight().getArray())));
        Map<String, HostTensor.Booleans> mask = MagnitudePruning.atSparsity(weights, sparsity, scope);
        queue.addLast(mask);
        if (queue.size() > queueLength) {
            queue.removeFirst();
        }
        if (queue.size() < queueLength) {
            return;
        }
        long scales = batchNormScales(layers.keySet());
        double max = 0;
        for (Map<String, HostTensor.Booleans> older : queue) {
            if (older != mask) {
                max = Math.max(max, MaskDistance.between(mask, older, scales));
            }
        }
        distances.add(max);
        if (max < threshold) {
            stopEpoch = epochs;
        }
    }

    /** Entries of the learned {@code *.weight} tensors that are not masked: the affine BatchNorm scales γ. */
    private long batchNormScales(java.util.Set<String> masked) {
        return network.parameterIndex().parameters().entrySet().stream()
                .filter(e -> e.getKey().endsWith(".weight") && !masked.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getArray().size())
                .sum();
    }

    /** The newest mask: the Early-Bird ticket once stopped, else the mask of the last epoch's weights. */
    Map<String, HostTensor.Booleans> ticket() {
        return queue.getLast();
    }

    /** Search epochs trained when the mask settled; null while it has not. */
    Integer stopEpoch() {
        return stopEpoch;
    }

    List<Double> distances() {
        return List.copyOf(distances);
    }
}
