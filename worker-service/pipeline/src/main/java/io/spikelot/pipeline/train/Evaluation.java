package io.spikelot.pipeline.train;

import java.util.Map;

/**
 * Accuracy and measured firing rates on a split.
 *
 * @param samples how many samples were evaluated
 * @param accuracy fraction predicted right, in [0, 1]
 * @param firingRates per LIF layer (catalog names): spikes over (neuron, timestep) entries, pooled over samples
 */
public record Evaluation(int samples, double accuracy, Map<String, Double> firingRates) {}
