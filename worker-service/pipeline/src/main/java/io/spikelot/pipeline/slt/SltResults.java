package io.spikelot.pipeline.slt;

import ai.djl.engine.Engine;
import io.spikelot.model.result.SltResult;
import io.spikelot.pipeline.energy.EnergyReporter;
import io.spikelot.pipeline.train.EpochReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The job's {@link SltResult} (also written as {@code result.json}). */
final class SltResults {

    private SltResults() {}

    static SltResult of(SltJob job) {
        RatioRun primary = job.primary();
        Map<String, Double> rates = primary.search().training().test().firingRates();
        boolean patches = job.patches() > 0;
        int fineTune = job.spec().search().fineTuneEpochs();
        Double ann = job.annRuns().isEmpty() ? null : job.annRuns().get(0).accuracy();
        return new SltResult(
                "slt",
                job.method(),
                job.architecture().name(),
                job.spec().dataset().name(),
                job.neurons().kind(),
                job.neurons().timesteps(),
                primary.accuracy(),
                primary.search().training().finalLoss(),
                primary.ratio(),
                primary.keptFraction(),
                primary.keptFractionByLayer(),
                primary.search().keptFractionByEpoch().isEmpty()
                        ? null
                        : primary.search().keptFractionByEpoch(),
                rates,
                EnergyReporter.energy(
                        job.architecture(),
                        job.neurons().timesteps(),
                        rates,
                        primary.keptFractionByLayer(),
                        job.patchesKept() / (double) Math.max(1, job.patches())),
                patches ? job.spec().search().patchPruneRatio() : null,
                patches ? job.patches() : null,
                patches ? job.patchesKept() : null,
                patches ? "ConvPEP (patch embedding) convs; transformer blocks and head trained dense (D6)" : null,
                fineTune > 0 ? fineTune : null,
                fineTune > 0 ? accuracyBeforeFineTune(primary, fineTune) : null,
                job.wallSeconds(),
                Engine.getInstance().defaultDevice().toString(),
                "PyTorch " + Engine.getInstance().getVersion(),
                job.seed(),
                ann,
                ann == null ? null : primary.accuracy() - ann,
                job.sweep() ? sweepRows(job) : null);
    }

    /** The test accuracy of the last search epoch; null when the run had no search epoch. */
    private static Double accuracyBeforeFineTune(RatioRun run, int fineTune) {
        List<EpochReport> history = run.search().training().history();
        int searched = history.size() - fineTune;
        return searched > 0 ? history.get(searched - 1).test().accuracy() : null;
    }

    private static List<SltResult.SweepRow> sweepRows(SltJob job) {
        List<SltResult.SweepRow> rows = new ArrayList<>();
        for (int i = 0; i < job.runs().size(); i++) {
            RatioRun run = job.runs().get(i);
            Double ann = job.annRuns().isEmpty() ? null : job.annRuns().get(i).accuracy();
            rows.add(new SltResult.SweepRow(
                    run.ratio(),
                    run.keptFraction(),
                    run.accuracy(),
                    run.search().training().finalLoss(),
                    ann,
                    ann == null ? null : run.accuracy() - ann));
        }
        return rows;
    }
}
