package io.spikelot.pipeline.imp;

import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.prune.NetworkState;
import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.train.EpochReport;
import io.spikelot.pipeline.train.Inference;
import io.spikelot.pipeline.train.TrainingListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the Early-Time selection once, after {@code afterEpoch} epochs of the dense training: the state of that
 * moment is loaded into networks at the full T and at each candidate T′, and their time-mean logits on the first
 * {@link #PROBE_IMAGES} training images are compared ({@link EarlyTime}).
 */
final class EarlyTimeProbe implements TrainingListener {

    /** The reference's one batch of 1,000 training images. */
    static final int PROBE_IMAGES = 1000;

    private final Rounds rounds;
    private final int afterEpoch;
    private final List<Integer> candidates;
    private final double threshold;
    private SpikingNetwork network;
    private EarlyTime.Choice choice;

    EarlyTimeProbe(Rounds rounds, int afterEpoch, List<Integer> candidates, double threshold) {
        this.rounds = rounds;
        this.afterEpoch = afterEpoch;
        this.candidates = candidates.stream().sorted().toList();
        this.threshold = threshold;
    }

    @Override
    public void onStart(SpikingNetwork network) {
        this.network = network;
    }

    @Override
    public void onEpoch(EpochReport report) {
        if (report.epoch() == afterEpoch && choice == null) {
            choice = probe(NetworkState.copy(network));
        }
    }

    private EarlyTime.Choice probe(Map<String, HostTensor.Floats> state) {
        int chunk = rounds.config().evalChunk();
        float[][] full = Inference.logits(
                rounds.network(rounds.timesteps()),
                rounds.data().train(),
                PROBE_IMAGES,
                chunk,
                n -> NetworkState.load(n, state));
        Map<Integer, float[][]> byCandidate = new LinkedHashMap<>();
        for (int t : candidates) {
            byCandidate.put(
                    t,
                    Inference.logits(
                            rounds.network(t),
                            rounds.data().train(),
                            PROBE_IMAGES,
                            chunk,
                            n -> NetworkState.load(n, state)));
        }
        return EarlyTime.select(full, byCandidate, threshold, rounds.timesteps());
    }

    int afterEpoch() {
        return afterEpoch;
    }

    /** The selection; null until the probe ran. */
    EarlyTime.Choice choice() {
        return choice;
    }
}
