package io.spikelot.pipeline.imp;

import io.spikelot.model.result.ImpResult;
import io.spikelot.pipeline.tensor.HostTensor;
import java.util.List;
import java.util.Map;

/**
 * What an IMP job has finished after a complete round, enough for a later attempt to go on at the next round and end
 * with the result and artifacts of an uninterrupted run.
 *
 * <p>Every round keeps its mask and its reported numbers (history, final evaluation, T per segment, wall time), but
 * only two rounds keep their end state: the newest (the next round prunes it) and the best ticket so far (the
 * sparsest within one point of dense, which stays the winner unless a later round qualifies). Sparsity only grows
 * from round to round, so no other round's state can be the final winner, and the checkpoint stays at most three
 * network states (with the rewind snapshot) however many rounds the job has.
 *
 * @param rounds the complete rounds, from 0; {@link RoundRun#state()} is null for the rounds whose state is dropped
 * @param rewind the late-rewinding snapshot (weights, BatchNorm statistics, biases), by catalog name
 * @param earlyTime the Early-Time choice taken in round 0, or null without Early-Time
 * @param roundSeeds the training seed of every complete round (each round's training reseeds the engine with it)
 */
record ImpCheckpoint(
        List<RoundRun> rounds,
        Map<String, HostTensor.Floats> rewind,
        ImpResult.EarlyTime earlyTime,
        List<Long> roundSeeds) {

    ImpCheckpoint {
        rounds = List.copyOf(rounds);
        roundSeeds = List.copyOf(roundSeeds);
    }

    /** The round a resumed attempt trains first. */
    int nextRound() {
        return rounds.size();
    }

    /** Whether {@code round}'s end state is worth keeping: the newest round's, or the winner's so far. */
    boolean keepsState(RoundRun round) {
        return round == rounds.get(rounds.size() - 1) || round == ImpJob.winner(rounds);
    }
}
