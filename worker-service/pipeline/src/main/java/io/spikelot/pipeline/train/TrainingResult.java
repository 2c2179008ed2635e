package io.spikelot.pipeline.train;

import io.spikelot.pipeline.PipelineException;
import java.util.List;

/**
 * What a training run ended with.
 *
 * @param steps training steps taken
 * @param finalLoss loss of the last step
 * @param test the final test-set evaluation (accuracy, firing rates for the energy report)
 * @param history one report per epoch
 * @param stepMillis wall time of every step, in order (benchmarks take medians of it)
 * @param zeroGradientSteps steps whose gradients were all exactly zero (a silent network: no spike and no surrogate
 *     gradient anywhere), taken without an optimizer update
 */
public record TrainingResult(
        int steps,
        double finalLoss,
        Evaluation test,
        List<EpochReport> history,
        double[] stepMillis,
        int zeroGradientSteps) {

    /**
     * Refuses a run that ended with a non-finite loss or accuracy.
     *
     * @param label what was trained ({@code "W4-S2-T1"}, {@code "p=0.50 snn"}), for the message
     * @throws PipelineException with code DIVERGED
     */
    public void requireFinite(String label) {
        if (!Double.isFinite(finalLoss) || !Double.isFinite(test.accuracy())) {
            throw PipelineException.diverged(
                    label + " ended with loss " + finalLoss + " and accuracy " + test.accuracy());
        }
    }
}
