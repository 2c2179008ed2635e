package io.spikelot.pipeline.imp;

import ai.djl.engine.Engine;
import io.spikelot.model.result.ImpResult;
import io.spikelot.pipeline.energy.EnergyReporter;
import java.util.List;
import java.util.Map;

/** The job's {@link ImpResult} (also written as {@code result.json}). */
final class ImpResults {

    private ImpResults() {}

    static ImpResult of(ImpJob job) {
        RoundRun winner = job.winner();
        List<ImpResult.Round> rows = job.rounds().stream().map(r -> row(job, r)).toList();
        return new ImpResult(
                "imp",
                job.spec().pruning().method(),
                job.architecture().name(),
                job.spec().dataset().name(),
                job.spec().model().neuron(),
                job.timesteps(),
                job.spec().pruning().scope(),
                job.spec().pruning().ratePerRound(),
                job.dense().accuracy(),
                winner.round(),
                winner.accuracy(),
                winner.sparsity(),
                rows,
                job.earlyBird(),
                job.earlyTime(),
                cost(job),
                job.resumedFromRound(),
                job.wallSeconds(),
                Engine.getInstance().defaultDevice().toString(),
                "PyTorch " + Engine.getInstance().getVersion(),
                job.spec().training().seed());
    }

    private static ImpResult.Round row(ImpJob job, RoundRun round) {
        Map<String, Double> rates = round.test().firingRates();
        return new ImpResult.Round(
                round.round(),
                round.phase(),
                round.search(),
                round.sparsity(),
                round.sparsityByLayer(),
                round.accuracy(),
                round.loss(),
                rates,
                EnergyReporter.energy(
                        job.architecture(),
                        round.last().timesteps(),
                        round.test().layerInputs(),
                        round.keptByLayer(),
                        1.0),
                round.epochs(),
                round.timesteps(),
                round.epochTimesteps(),
                round.seconds());
    }

    /** Search rounds against the final training; the same search epochs at the full T for the saving. */
    static ImpResult.SearchCost cost(ImpJob job) {
        long search = 0;
        long atFullT = 0;
        long last = 0;
        double searchSeconds = 0;
        double finalSeconds = 0;
        for (RoundRun round : job.rounds()) {
            if (round.search()) {
                search += round.epochTimesteps();
                atFullT += (long) round.epochs() * job.timesteps();
                searchSeconds += round.seconds();
            } else {
                last += round.epochTimesteps();
                finalSeconds += round.seconds();
            }
        }
        double saving = atFullT == 0 ? 0 : 1 - search / (double) atFullT;
        return new ImpResult.SearchCost(search, last, searchSeconds, finalSeconds, atFullT, saving);
    }
}
