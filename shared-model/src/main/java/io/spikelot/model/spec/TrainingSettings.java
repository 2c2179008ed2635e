package io.spikelot.model.spec;

/**
 * The {@code training} object of a job spec.
 *
 * @param epochs passes over the training split
 * @param batchSize samples per step
 * @param optimizer {@code adam} or {@code sgd}
 * @param learningRate base learning rate
 * @param momentum SGD momentum
 * @param weightDecay L2 weight decay
 * @param schedule {@code cosine} or {@code constant}
 * @param seed seeds initialization and shuffling
 */
public record TrainingSettings(
        int epochs,
        int batchSize,
        String optimizer,
        double learningRate,
        double momentum,
        double weightDecay,
        String schedule,
        long seed) {}
