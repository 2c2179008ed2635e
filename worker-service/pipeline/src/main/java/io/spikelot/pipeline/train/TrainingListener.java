package io.spikelot.pipeline.train;

/** Receives progress from a {@link TrainingLoop}; called on the training thread, so keep it cheap. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {};

    default void onStep(StepReport report) {}

    default void onEpoch(EpochReport report) {}
}
