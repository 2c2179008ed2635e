package io.spikelot.pipeline.slt;

import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The job's {@code result{}} map (also written as {@code result.json}); JSON-ready values only. */
final class SltResults {

    private SltResults() {}

    static Map<String, Object> of(SltJob job) {
        RatioRun primary = job.primary();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("type", "slt");
        result.put("method", job.method());
        result.put("architecture", job.architecture().name());
        result.put("dataset", job.spec().dataset().name());
        result.put("neuron", job.neurons().kind().name().toLowerCase(java.util.Locale.ROOT));
        result.put("timesteps", job.neurons().timesteps());
        result.put("accuracy", primary.accuracy());
        result.put("loss", primary.search().training().finalLoss());
        result.put("pruneRatio", primary.ratio());
        result.put("keptFraction", primary.keptFraction());
        result.put("keptFractionByLayer", primary.keptFractionByLayer());
        Map<String, Double> rates = primary.search().training().test().firingRates();
        result.put("firingRateByLayer", rates);
        result.put(
                "energy",
                EnergyReporter.energy(
                        job.architecture(),
                        job.neurons().timesteps(),
                        rates,
                        primary.keptFractionByLayer(),
                        job.patchesKept() / (double) Math.max(1, job.patches())));
        if (job.patches() > 0) {
            result.put("patchPruneRatio", job.spec().search().patchPruneRatio());
            result.put("patches", job.patches());
            result.put("patchesKept", job.patchesKept());
            result.put(
                    "searchedLayers",
                    "ConvPEP (patch embedding) convs; transformer blocks and head trained dense (D6)");
        }
        int fineTune = job.spec().search().fineTuneEpochs();
        if (fineTune > 0) {
            var history = primary.search().training().history();
            int searched = history.size() - fineTune;
            result.put("fineTuneEpochs", fineTune);
            result.put(
                    "accuracyBeforeFineTune",
                    searched > 0 ? history.get(searched - 1).test().accuracy() : null);
        }
        result.put("wallSeconds", job.wallSeconds());
        result.put("device", Engine.getInstance().defaultDevice().toString());
        result.put("engine", "PyTorch " + Engine.getInstance().getVersion());
        result.put("seed", job.seed());
        if (!job.annRuns().isEmpty()) {
            double ann = job.annRuns().get(0).accuracy();
            result.put("annAccuracy", ann);
            result.put("snnMinusAnn", primary.accuracy() - ann);
        }
        if (job.sweep()) {
            result.put("sweep", sweepRows(job));
        }
        return result;
    }

    private static List<Map<String, Object>> sweepRows(SltJob job) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < job.runs().size(); i++) {
            RatioRun run = job.runs().get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pruneRatio", run.ratio());
            row.put("keptFraction", run.keptFraction());
            row.put("accuracy", run.accuracy());
            row.put("loss", run.search().training().finalLoss());
            if (!job.annRuns().isEmpty()) {
                row.put("annAccuracy", job.annRuns().get(i).accuracy());
                row.put("snnMinusAnn", run.accuracy() - job.annRuns().get(i).accuracy());
            }
            rows.add(row);
        }
        return rows;
    }
}
