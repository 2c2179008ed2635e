package io.spikelot.pipeline.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;

/** Builds the DJL optimizer (Adam or SGD, the two the PyTorch engine has) with its learning-rate schedule. */
final class Optimizers {

    private Optimizers() {}

    /**
     * @param scheduleSteps the steps of the whole run, over which the cosine falls to 0
     * @param stepsBefore steps of the run trained before this optimizer's first (a later stretch of the run)
     */
    static Optimizer create(TrainingConfig config, int scheduleSteps, int stepsBefore) {
        float rate = (float) config.learningRate();
        Tracker cosine = config.cosine()
                ? CosineTracker.builder()
                        .setBaseValue(rate)
                        .optFinalValue(0f)
                        .setMaxUpdates(Math.max(1, scheduleSteps))
                        .build()
                : Tracker.fixed(rate);
        Tracker schedule = stepsBefore == 0 ? cosine : update -> cosine.getNewValue(update + stepsBefore);
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
