package io.spikelot.model.spec;

import io.spikelot.model.job.JobType;
import java.util.List;
import java.util.Objects;
import java.util.stream.LongStream;

/**
 * The {@code training} object of a job spec.
 *
 * @param epochs passes over the training split
 * @param batchSize samples per step
 * @param optimizer the optimizer
 * @param learningRate base learning rate
 * @param momentum SGD momentum
 * @param weightDecay L2 weight decay
 * @param schedule how the learning rate moves over the epochs
 * @param seed seeds initialization and shuffling
 * @param repeats how many times the job runs, with seeds seed, seed + 1, …, to measure the spread of its results
 *     ({@code slt} only; 1 to {@link #MAX_REPEATS})
 */
public record TrainingSettings(
        int epochs,
        int batchSize,
        OptimizerKind optimizer,
        double learningRate,
        double momentum,
        double weightDecay,
        Schedule schedule,
        long seed,
        int repeats) {

    /** The most repeats a job may ask for. */
    public static final int MAX_REPEATS = 10;

    public TrainingSettings {
        Objects.requireNonNull(optimizer, "training.optimizer is required");
        Objects.requireNonNull(schedule, "training.schedule is required");
        // specs stored before repeats existed bind to 0: one run, as they always had
        repeats = Math.max(1, repeats);
    }

    /**
     * The API's defaults for a job of {@code type}: 10 epochs of 64-sample batches with Adam, momentum 0.9, no weight
     * decay, a cosine schedule and seed 42 and one run. The learning rate depends on the type: 0.01 for {@code slt}, 0.001 for
     * {@code qsnn} and 0.1 for {@code imp}, which also trains with SGD and weight decay 5e-4 as Kim et al. do.
     */
    public static TrainingSettings defaults(JobType type) {
        double learningRate =
                switch (type) {
                    case SLT -> 0.01;
                    case QSNN -> 0.001;
                    case IMP -> 0.1;
                };
        // imp follows Kim et al.: SGD with momentum and weight decay 5e-4
        boolean imp = type == JobType.IMP;
        return new TrainingSettings(
                10,
                64,
                imp ? OptimizerKind.SGD : OptimizerKind.ADAM,
                learningRate,
                0.9,
                imp ? 5e-4 : 0.0,
                Schedule.COSINE,
                42,
                1);
    }

    public TrainingSettings withEpochs(int epochs) {
        return new TrainingSettings(
                epochs, batchSize, optimizer, learningRate, momentum, weightDecay, schedule, seed, repeats);
    }

    public TrainingSettings withBatchSize(int batchSize) {
        return new TrainingSettings(
                epochs, batchSize, optimizer, learningRate, momentum, weightDecay, schedule, seed, repeats);
    }

    public TrainingSettings withOptimizer(OptimizerKind optimizer, double learningRate) {
        return new TrainingSettings(
                epochs, batchSize, optimizer, learningRate, momentum, weightDecay, schedule, seed, repeats);
    }

    public TrainingSettings withSeed(long seed) {
        return new TrainingSettings(
                epochs, batchSize, optimizer, learningRate, momentum, weightDecay, schedule, seed, repeats);
    }

    public TrainingSettings withRepeats(int repeats) {
        return new TrainingSettings(
                epochs, batchSize, optimizer, learningRate, momentum, weightDecay, schedule, seed, repeats);
    }

    /** The seeds of the repeats: seed, seed + 1, …, seed + repeats − 1. */
    public List<Long> seeds() {
        return LongStream.range(seed, seed + repeats).boxed().toList();
    }
}
