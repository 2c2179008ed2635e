package io.spikelot.pipeline.train;

import io.spikelot.pipeline.model.InputStatistics;
import java.util.Map;

/**
 * Accuracy and measured firing rates on a split.
 *
 * @param samples how many samples were evaluated
 * @param accuracy fraction predicted right, in [0, 1]
 * @param firingRates per LIF layer (catalog names): non-zero spikes over (neuron, timestep) entries, pooled over
 *     samples
 * @param meanLevels per LIF layer: the mean spike level per entry (equal to the firing rate for binary spikes)
 * @param layerInputs per conv, linear and attention matmul (cost-model names): what it read, measured at its own
 *     input tensor; empty when not measured
 */
public record Evaluation(
        int samples,
        double accuracy,
        Map<String, Double> firingRates,
        Map<String, Double> meanLevels,
        Map<String, InputStatistics> layerInputs) {

    public Evaluation {
        layerInputs = layerInputs == null ? Map.of() : Map.copyOf(layerInputs);
    }

    /** Without input measurements. */
    public Evaluation(int samples, double accuracy, Map<String, Double> firingRates, Map<String, Double> meanLevels) {
        this(samples, accuracy, firingRates, meanLevels, Map.of());
    }

    /** Binary spikes: the mean levels are the firing rates. */
    public Evaluation(int samples, double accuracy, Map<String, Double> firingRates) {
        this(samples, accuracy, firingRates, firingRates);
    }
}
