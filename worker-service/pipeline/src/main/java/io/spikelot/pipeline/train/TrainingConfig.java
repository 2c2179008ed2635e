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
        int maxSteps) {

    public TrainingConfig {
        if (epochs < 1 || batchSize < 1 || evalChunk < 1 || maxSteps < 0) {
            throw new IllegalArgumentException("Training needs epochs, batchSize, evalChunk ≥ 1 and maxSteps ≥ 0, got "
                    + epochs + ", " + batchSize + ", " + evalChunk + ", " + maxSteps);
        }
        if (!(learningRate > 0) || optimizer == null) {
            throw new IllegalArgumentException(
                    "Training needs an optimizer and a learning rate > 0, got " + optimizer + " at " + learningRate);
        }
    }

    /** Adam at 1e-3, no weight decay, cosine schedule. */
    public static TrainingConfig adam(int epochs, int batchSize, long seed) {
        return new TrainingConfig(epochs, batchSize, OptimizerKind.ADAM, 1e-3, 0, 0, true, seed, 500, 0);
    }

    public TrainingConfig withMaxSteps(int steps) {
        return new TrainingConfig(
                epochs, batchSize, optimizer, learningRate, momentum, weightDecay, cosine, seed, evalChunk, steps);
    }

    public TrainingConfig withEpochs(int count) {
        return new TrainingConfig(
                count, batchSize, optimizer, learningRate, momentum, weightDecay, cosine, seed, evalChunk, maxSteps);
    }

    public TrainingConfig withLearningRate(double rate) {
        return new TrainingConfig(
                epochs, batchSize, optimizer, rate, momentum, weightDecay, cosine, seed, evalChunk, maxSteps);
    }
}
