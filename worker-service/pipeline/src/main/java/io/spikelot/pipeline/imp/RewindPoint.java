package io.spikelot.pipeline.imp;

import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.prune.NetworkState;
import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.train.EpochReport;
import io.spikelot.pipeline.train.TrainingListener;
import java.util.Map;

/**
 * Late rewinding's snapshot: the whole state (weights, BatchNorm, biases) after {@code epoch} epochs of the dense
 * round, or its initialisation when {@code epoch} is 0. A round trained in two stretches (Early-Time) passes it to
 * both: epochs are numbered across them, and only the first start is the initialisation.
 */
final class RewindPoint implements TrainingListener {

    private final int epoch;
    private SpikingNetwork network;
    private Map<String, HostTensor.Floats> state;

    RewindPoint(int epoch) {
        this.epoch = epoch;
    }

    @Override
    public void onStart(SpikingNetwork network) {
        this.network = network;
        if (epoch == 0 && state == null) {
            state = NetworkState.copy(network);
        }
    }

    @Override
    public void onEpoch(EpochReport report) {
        if (report.epoch() == epoch) {
            state = NetworkState.copy(network);
        }
    }

    /** The snapshot; null until taken. */
    Map<String, HostTensor.Floats> state() {
        return state;
    }
}
