package io.spikelot.pipeline.qsnn;

import io.spikelot.model.cost.EffortReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The job's {@code result}: one row per allocation in {@code allocations} (accuracy, bit budget, parameters in bits
 * and in the paper's 16-bit-equivalent millions, S-ACE, NS-ACE, SOPs, per-layer firing rates and mean levels, wall
 * time, whether it is on the frontier), the {@code frontier} labels by ascending S-ACE, and the {@code best}
 * allocation's headline figures.
 */
final class QsnnResults {

    private QsnnResults() {}

    static Map<String, Object> of(QsnnJob job) {
        Set<String> frontier = job.frontier().stream()
                .map(AllocationRun::label)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AllocationRun run : job.runs()) {
            rows.add(row(run, frontier.contains(run.label())));
        }
        AllocationRun best = job.best();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("architecture", job.architecture().name());
        result.put("dataset", job.spec().dataset().name());
        result.put("bitBudget", job.spec().quantization().bitBudget());
        result.put("best", best.label());
        result.put("accuracy", best.accuracy());
        result.put("sAce", best.sAce());
        result.put("nsAce", best.nsAce());
        result.put("frontier", List.copyOf(frontier));
        result.put("macs", best.cost().effort().weightMacs());
        result.put("parameters", best.cost().parameters());
        result.put("allocations", rows);
        result.put(
                "definitions",
                Map.of(
                        "sAce", "MACs·T·W·S bit-operations per sample (conv and linear MACs per timestep, dense)",
                        "nsAce",
                                "Σ fr·MACs·T·W·S: each layer's MACs weighted by the non-zero fraction of its input"
                                        + " spikes on the test split (the encoding layer reads the analog image: rate 1)",
                        "params16BitEquivalentMillions", "P·W/16/10⁶, the paper's Params (M)",
                        "frontier", "allocations that no other beats on both accuracy and S-ACE"));
        result.put("wallSeconds", job.wallSeconds());
        return result;
    }

    private static Map<String, Object> row(AllocationRun run, boolean onFrontier) {
        EffortReport effort = run.cost().effort();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("label", run.label());
        row.put("weightBits", run.allocation().weightBits());
        row.put("spikeBits", run.allocation().spikeBits());
        row.put("timesteps", run.allocation().timesteps());
        row.put("bitBudget", effort.bitBudget().bitsPerSynapse());
        row.put("accuracy", run.accuracy());
        row.put("finalLoss", run.training().finalLoss());
        row.put("macs", effort.weightMacs());
        row.put("sAce", effort.sAce());
        row.put("nsAce", effort.nsAce());
        row.put("sops", effort.denseSops());
        row.put("parameters", run.cost().parameters());
        row.put("parameterBits", effort.parameterBits());
        row.put("params16BitEquivalentMillions", effort.parameters16BitEquivalentMillions());
        Map<String, Double> rates = run.test().firingRates();
        Map<String, Double> levels = run.test().meanLevels();
        row.put("meanFiringRate", mean(rates));
        row.put("meanLevel", mean(levels));
        row.put("firingRates", rates);
        row.put("meanLevels", levels);
        row.put("epochs", run.training().history().size());
        row.put("steps", run.training().steps());
        row.put("zeroGradientSteps", run.training().zeroGradientSteps());
        row.put("wallSeconds", run.wallSeconds());
        row.put("onFrontier", onFrontier);
        return row;
    }

    static double mean(Map<String, Double> values) {
        return values.values().stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(0);
    }
}
