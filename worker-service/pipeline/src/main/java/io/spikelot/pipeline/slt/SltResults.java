package io.spikelot.pipeline.slt;

import ai.djl.engine.Engine;
import io.spikelot.model.result.SltResult;
import io.spikelot.model.spec.SearchMethod;
import io.spikelot.model.spec.WeightInitKind;
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
                job.ticketName(job.neurons().kind()),
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
                        primary.search().training().test().layerInputs(),
                        primary.keptFractionByLayer(),
                        patches ? job.patchesKept() / (double) job.patches() : 1.0),
                patches ? job.spec().search().patchPruneRatio() : null,
                patches ? job.patches() : null,
                patches ? job.patchesKept() : null,
                patches ? "ConvPEP (patch embedding) convs; transformer blocks and head trained dense (D6)" : null,
                job.patchPruning() ? testAccuracyAfter(primary, job.searchEpochs() + fineTune) : null,
                fineTune > 0 ? fineTune : null,
                fineTune > 0 ? testAccuracyAfter(primary, job.searchEpochs()) : null,
                job.wallSeconds(),
                Engine.getInstance().defaultDevice().toString(),
                "PyTorch " + Engine.getInstance().getVersion(),
                job.seed(),
                ann,
                ann == null ? null : primary.accuracy() - ann,
                ann == null ? null : job.ticketName(SltSpecs.annCounterpart(job.method())),
                job.sweep() ? sweepRows(job) : null,
                job.repeats().isEmpty() ? null : job.repeats(),
                job.repeats().isEmpty() ? null : spread(job),
                notes(job),
                SltArtifacts.packedTicketSize(job),
                SltArtifacts.denseTicketSize(job));
    }

    /** One search of a repeated job, with its ANN counterpart if one was trained. */
    static SltResult.RepeatRow repeatRow(long seed, RatioRun snn, RatioRun ann) {
        return new SltResult.RepeatRow(
                seed,
                snn.ratio(),
                snn.keptFraction(),
                snn.accuracy(),
                snn.search().training().finalLoss(),
                mean(snn.search().training().test().firingRates()),
                ann == null ? null : ann.accuracy());
    }

    private static List<SltResult.Spread> spread(SltJob job) {
        return job.spec().search().ratios().stream()
                .map(ratio -> SltResult.Spread.of(ratio, job.repeats()))
                .toList();
    }

    private static double mean(Map<String, Double> rates) {
        return rates.values().stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(0);
    }

    /** What a reader of the result should know about the settings that produced it. */
    private static List<String> notes(SltJob job) {
        List<String> notes = new ArrayList<>();
        if (job.method() == SearchMethod.BIPROP && job.spec().search().weightInit() == WeightInitKind.SIGNED_CONSTANT) {
            notes.add("biprop with signed-constant weights equals edge-popup: every |W| of a layer is the same σ, so"
                    + " α = σ and α·sign(W)⊙M = W⊙M, with the same score gradients; use kaiming-normal-scaled for"
                    + " multi-prize tickets");
        }
        notes.addAll(SltArtifacts.nir(job).notes());
        return notes;
    }

    /** The test accuracy after {@code epochs} epochs of the run; null when it trained fewer. */
    private static Double testAccuracyAfter(RatioRun run, int epochs) {
        List<EpochReport> history = run.search().training().history();
        return epochs > 0 && epochs <= history.size()
                ? history.get(epochs - 1).test().accuracy()
                : null;
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
