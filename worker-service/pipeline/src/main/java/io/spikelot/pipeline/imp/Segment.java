package io.spikelot.pipeline.imp;

import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.train.TrainingResult;
import java.util.List;
import java.util.Map;

/**
 * One stretch of training at one T, on its own network and optimizer; or, with no epochs, the evaluation at the full
 * T of a state that a stretch at T′ ended with ({@link Rounds#evaluateAt}).
 *
 * @param training its history and final evaluation
 * @param timesteps T
 * @param seconds training and evaluation time
 * @param start the state it started from (after loading), by catalog name
 * @param end the state it ended with
 * @param weights the names of the prunable weights, in network order
 */
record Segment(
        TrainingResult training,
        int timesteps,
        double seconds,
        Map<String, HostTensor.Floats> start,
        Map<String, HostTensor.Floats> end,
        List<String> weights) {

    int epochs() {
        return training.history().size();
    }

    /** epochs · T, the cost unit of the search. */
    long epochTimesteps() {
        return (long) epochs() * timesteps;
    }
}
