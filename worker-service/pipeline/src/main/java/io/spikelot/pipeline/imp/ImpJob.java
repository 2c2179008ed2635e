package io.spikelot.pipeline.imp;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.result.ImpResult;
import io.spikelot.model.spec.ImpSpec;
import io.spikelot.pipeline.model.InputKind;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a finished job reports from.
 *
 * @param spec the normalized spec
 * @param architecture the resolved architecture
 * @param input static images or event frames
 * @param timesteps the full T
 * @param rounds every trained round, in order (round 0 dense, or the Early-Bird search)
 * @param earlyBird the Early-Bird details, or null
 * @param earlyTime the Early-Time details, or null
 * @param resumedFromRound the first round this attempt trained after resuming a checkpoint, or null
 * @param wallSeconds the job's wall time so far
 */
record ImpJob(
        ImpSpec spec,
        Architecture architecture,
        InputKind input,
        int timesteps,
        List<RoundRun> rounds,
        ImpResult.EarlyBird earlyBird,
        ImpResult.EarlyTime earlyTime,
        Integer resumedFromRound,
        double wallSeconds) {

    /** Within this much test accuracy of dense, a round still counts as a winning ticket (one point). */
    static final double WINNING_MARGIN = 0.01;

    RoundRun dense() {
        return rounds.get(0);
    }

    /** The sparsest round within one point of the dense round; the later one on equal sparsity. */
    RoundRun winner() {
        return winner(rounds);
    }

    /** The winner among {@code rounds} (round 0 first): what {@link #winner()} picks, on any prefix of the rounds. */
    static RoundRun winner(List<RoundRun> rounds) {
        RoundRun dense = rounds.get(0);
        double floor = dense.accuracy() - WINNING_MARGIN;
        return rounds.stream()
                .filter(r -> r.accuracy() >= floor)
                .max(Comparator.comparingDouble(RoundRun::sparsity).thenComparingInt(RoundRun::round))
                .orElse(dense);
    }
}
