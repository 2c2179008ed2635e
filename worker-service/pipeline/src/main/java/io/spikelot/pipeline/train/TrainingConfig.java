package io.spikelot.pipeline.train;

import io.spikelot.model.spec.OptimizerKind;

/**
 * How to train.
 *
 * @param epochs passes over the training split, ≥ 1
 * @param batchSize samples per step B, ≥ 1
 * @param optimizer Adam or SGD
 * @param learningRate base learning rate
 * @param momentum SGD momentum (ignored by Adam)
 * @param weightDecay L2 weight decay
 * @param cosine whether the learning rate follows a cosine from the base rate to 0 over all steps
 * @param seed seeds parameter initialization (JVM-wide, see {@link TrainingLoop}) and the shuffling
 * @param evalChunk test samples per evaluation forward pass, bounding evaluation memory
 * @param maxSteps stop after this many steps in all (0 = no cap); for smoke runs and benchmarks
 * @param fromEpoch epochs of the run trained before this stretch (0 = from the start): the schedule and the shuffled
 *     order go on from there, and epochs are numbered from {@code fromEpoch + 1}
 * @param untilEpoch the last epoch this stretch trains; {@code epochs} stays the length of the whole run, over which
 *     the schedule runs
 */
public record TrainingConfig(
        int epochs,
        int batchSize,
        OptimizerKind optimizer,
        double learningRate,
        double momentum,
        double weightDecay,
        boolean cosine,
        long seed,
        int evalChunk,
        int maxSteps,
        int fromEpoch,
        int untilEpoch) {

    public TrainingConfig {
        if (epochs < 1 || batchSize < 1 || evalChunk < 1 || maxSteps < 0) {
            throw new IllegalArgumentException("Training needs epochs, batchSize, evalChunk ≥ 1 and maxSteps ≥ 0, got "
                    + epochs + ", " + batchSize + ", " + evalChunk + ", " + maxSteps);
        }
        if (fromEpoch < 0 || untilEpoch <= fromEpoch || untilEpoch > epochs) {
            throw new IllegalArgumentException("A stretch of training needs 0 ≤ fromEpoch < untilEpoch ≤ epochs, got "
                    + fromEpoch + ", " + untilEpoch + " of " + epochs);
        }
        if (!(learningRate > 0) || optimizer == null) {
            throw new IllegalArgumentException(
                    "Training needs an optimizer and a learning rate > 0, got " + optimizer + " at " + learningRate);
        }
    }

    /** The whole run: every epoch from the first. */
    public TrainingConfig(
            int epochs,
            int batchSize,
            OptimizerKind optimizer,
            double learningRate,
            double momentum,
            double weightDecay,
            boolean cosine,
            long seed,
            int evalChunk,
            int maxSteps) {
        this(
                epochs,
                batchSize,
                optimizer,
                learningRate,
                momentum,
                weightDecay,
                cosine,
                seed,
                evalChunk,
                maxSteps,
                0,
                epochs);
    }

    /** Adam at 1e-3, no weight decay, cosine schedule. */
    public static TrainingConfig adam(int epochs, int batchSize, long seed) {
        return new TrainingConfig(epochs, batchSize, OptimizerKind.ADAM, 1e-3, 0, 0, true, seed, 500, 0);
    }

    public TrainingConfig withMaxSteps(int steps) {
        return new TrainingConfig(
                epochs,
                batchSize,
                optimizer,
                learningRate,
                momentum,
                weightDecay,
                cosine,
                seed,
                evalChunk,
                steps,
                fromEpoch,
                untilEpoch);
    }

    /** A whole run of {@code count} epochs. */
    public TrainingConfig withEpochs(int count) {
        return new TrainingConfig(
                count, batchSize, optimizer, learningRate, momentum, weightDecay, cosine, seed, evalChunk, maxSteps);
    }

    public TrainingConfig withLearningRate(double rate) {
        return new TrainingConfig(
                epochs,
                batchSize,
                optimizer,
                rate,
                momentum,
                weightDecay,
                cosine,
                seed,
                evalChunk,
                maxSteps,
                fromEpoch,
                untilEpoch);
    }

    /**
     * Epochs {@code from + 1} to {@code until} of this run, as one uninterrupted run would train them: the same
     * learning rates and the same shuffled orders, so a run can change its network between stretches (Early-Time
     * moves a search to another T this way). The optimizer's own state (momentum, Adam's moments) starts afresh.
     */
    public TrainingConfig stretch(int from, int until) {
        return new TrainingConfig(
                epochs,
                batchSize,
                optimizer,
                learningRate,
                momentum,
                weightDecay,
                cosine,
                seed,
                evalChunk,
                maxSteps,
                from,
                until);
    }

    /** Epochs this stretch trains. */
    public int stretchEpochs() {
        return untilEpoch - fromEpoch;
    }
}
