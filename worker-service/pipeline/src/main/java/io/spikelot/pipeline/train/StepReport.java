package io.spikelot.pipeline.train;

import java.util.Map;

/**
 * One finished training step.
 *
 * @param epoch from 1
 * @param step from 1, counted over all epochs
 * @param totalSteps steps the run will take
 * @param loss the batch's mean cross-entropy
 * @param accuracy the batch's accuracy in [0, 1]
 * @param firingRates the batch's firing rate per LIF layer (catalog names); empty for an ANN
 */
public record StepReport(
        int epoch, int step, int totalSteps, double loss, double accuracy, Map<String, Double> firingRates) {}
