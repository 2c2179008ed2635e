package io.spikelot.pipeline.train;

import java.util.Map;

/**
 * One finished epoch, with a test-set evaluation.
 *
 * @param epoch from 1
 * @param trainLoss mean batch loss over the epoch
 * @param trainAccuracy mean batch accuracy over the epoch
 * @param test accuracy and firing rates on the test split
 * @param seconds wall time of the epoch's training steps
 */
public record EpochReport(int epoch, double trainLoss, double trainAccuracy, Evaluation test, double seconds) {

    public Map<String, Double> testFiringRates() {
        return test.firingRates();
    }
}
