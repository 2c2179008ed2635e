package io.spikelot.pipeline.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;

/** Builds the DJL optimizer (Adam or SGD, the two the PyTorch engine has) with its learning-rate schedule. */
final class Optimizers {

    private Optimizers() {}

    static Optimizer create(TrainingConfig config, int totalSteps) {
        float rate = (float) config.learningRate();
        Tracker schedule = config.cosine()
                ? CosineTracker.builder()
                        .setBaseValue(rate)
                        .optFinalValue(0f)
                        .setMaxUpdates(Math.max(1, totalSteps))
                        .build()
                : Tracker.fixed(rate);
        return switch (config.optimizer()) {
            case ADAM ->
                Optimizer.adam()
                        .optLearningRateTracker(schedule)
                        .optWeightDecays((float) config.weightDecay())
                        .build();
            case SGD ->
                Optimizer.sgd()
                        .setLearningRateTracker(schedule)
                        .optMomentum((float) config.momentum())
                        .optWeightDecays((float) config.weightDecay())
                        .build();
        };
    }
}
