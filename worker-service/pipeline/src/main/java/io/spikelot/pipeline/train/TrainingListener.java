package io.spikelot.pipeline.train;

import io.spikelot.pipeline.model.SpikingNetwork;

/** Receives progress from a {@link TrainingLoop}; called on the training thread, so keep it cheap. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {};

    default void onStep(StepReport report) {}

    default void onEpoch(EpochReport report) {}

    /**
     * Once, after the last epoch of the last phase, while the network's parameters are still open: the loop closes
     * them when it returns, so this is where whatever must outlive training is copied to the heap.
     */
    default void onTrained(SpikingNetwork network) {}

    /** This listener, then {@code next}, for every call. */
    default TrainingListener andThen(TrainingListener next) {
        TrainingListener first = this;
        return new TrainingListener() {
            @Override
            public void onStep(StepReport report) {
                first.onStep(report);
                next.onStep(report);
            }

            @Override
            public void onEpoch(EpochReport report) {
                first.onEpoch(report);
                next.onEpoch(report);
            }

            @Override
            public void onTrained(SpikingNetwork network) {
                first.onTrained(network);
                next.onTrained(network);
            }
        };
    }
}
