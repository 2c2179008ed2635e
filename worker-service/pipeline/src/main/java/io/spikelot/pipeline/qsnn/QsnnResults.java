package io.spikelot.pipeline.qsnn;

import io.spikelot.model.cost.EffortReport;
import io.spikelot.model.result.QsnnResult;
import io.spikelot.pipeline.energy.EnergyReporter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The job's {@link QsnnResult}: one row per allocation (accuracy, bit budget, parameters in bits and in the paper's
 * 16-bit-equivalent millions, S-ACE, NS-ACE, SOPs, per-layer firing rates and mean levels, wall time, whether it is
 * on the frontier), the frontier labels by ascending S-ACE, and the best allocation's headline figures.
 */
final class QsnnResults {

    private QsnnResults() {}

    static QsnnResult of(QsnnJob job) {
        Set<String> frontier =
                job.frontier().stream().map(AllocationRun::label).collect(Collectors.toCollection(LinkedHashSet::new));
        List<QsnnResult.AllocationResult> rows = job.runs().stream()
                .map(run -> row(job, run, frontier.contains(run.label())))
                .toList();
        AllocationRun best = job.best();
        return new QsnnResult(
                job.architecture().name(),
                job.spec().dataset().name(),
                job.spec().quantization().bitBudget(),
                best.label(),
                best.accuracy(),
                best.sAce(),
                best.nsAce(),
                List.copyOf(frontier),
                best.cost().effort().weightMacs(),
                best.cost().parameters(),
                rows,
                QsnnResult.Definitions.STANDARD,
                job.wallSeconds(),
                QsnnArtifacts.nir(job).notes());
    }

    private static QsnnResult.AllocationResult row(QsnnJob job, AllocationRun run, boolean onFrontier) {
        EffortReport effort = run.cost().effort();
        Map<String, Double> rates = run.test().firingRates();
        Map<String, Double> levels = run.test().meanLevels();
        return new QsnnResult.AllocationResult(
                run.label(),
                run.allocation().weightBits(),
                run.allocation().spikeBits(),
                run.allocation().timesteps(),
                effort.bitBudget().bitsPerSynapse(),
                run.accuracy(),
                run.training().finalLoss(),
                effort.weightMacs(),
                effort.sAce(),
                effort.nsAce(),
                effort.denseSops(),
                run.cost().parameters(),
                effort.parameterBits(),
                effort.parameters16BitEquivalentMillions(),
                mean(rates),
                mean(levels),
                rates,
                levels,
                run.training().history().size(),
                run.training().steps(),
                run.training().zeroGradientSteps(),
                run.wallSeconds(),
                onFrontier,
                EnergyReporter.summary(job.architecture(), run.cost(), Map.of(), 1.0));
    }

    static double mean(Map<String, Double> values) {
        return values.values().stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(0);
    }
}
