package io.spikelot.pipeline.train;

import io.spikelot.pipeline.model.SpikingNetwork;

/** Receives progress from a {@link TrainingLoop}; called on the training thread, so keep it cheap. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {};

    /**
     * Once, after the first phase has initialized the parameters and before the first step: where a run that
     * continues from saved tensors (a rewound or resumed state) loads them.
     */
    default void onStart(SpikingNetwork network) {}

    /**
     * After every backward pass, before the optimizer step, with no gradient collector open: where gradients are
     * edited (masked) in place.
     */
    default void afterBackward(SpikingNetwork network) {}

    default void onStep(StepReport report) {}

    /** Asked after every epoch's {@link #onEpoch}: {@code true} ends the run there (an early stop). */
    default boolean done() {
        return false;
    }

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
            public void onStart(SpikingNetwork network) {
                first.onStart(network);
                next.onStart(network);
            }

            @Override
            public void afterBackward(SpikingNetwork network) {
                first.afterBackward(network);
                next.afterBackward(network);
            }

            @Override
            public boolean done() {
                return first.done() | next.done();
            }

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
