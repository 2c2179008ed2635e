package io.spikelot.pipeline.train;

import java.util.Map;

/**
 * Accuracy and measured firing rates on a split.
 *
 * @param samples how many samples were evaluated
 * @param accuracy fraction predicted right, in [0, 1]
 * @param firingRates per LIF layer (catalog names): non-zero spikes over (neuron, timestep) entries, pooled over
 *     samples
 * @param meanLevels per LIF layer: the mean spike level per entry (equal to the firing rate for binary spikes)
 */
public record Evaluation(
        int samples, double accuracy, Map<String, Double> firingRates, Map<String, Double> meanLevels) {

    /** Binary spikes: the mean levels are the firing rates. */
    public Evaluation(int samples, double accuracy, Map<String, Double> firingRates) {
        this(samples, accuracy, firingRates, firingRates);
    }
}
