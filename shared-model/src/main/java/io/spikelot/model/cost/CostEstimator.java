package io.spikelot.model.cost;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.InputShape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one entry point of cost accounting: resolves an architecture, counts it, prices it with
 * {@link CostBasis#HOROWITZ_45NM} and computes the bit budget.
 */
public final class CostEstimator {

    private CostEstimator() {}

    /**
     * Estimates an architecture from the catalog on a dataset.
     *
     * @param architecture catalog name
     * @param input the dataset's frame shape
     * @param classes the dataset's class count
     * @param timesteps T
     * @param firingRates input spike rates; null means {@link FiringRates#dense()} (the upper bound)
     * @param weightBits W (16 = full precision)
     * @param spikeBits S (1 = binary spikes)
     * @throws io.spikelot.model.arch.UnknownArchitectureException for an unknown name
     * @throws io.spikelot.model.arch.ArchitectureMismatchException when the input is too small
     * @throws IllegalArgumentException for rates out of [0, 1], rates of unknown layers, or bits out of range
     */
    public static CostReport estimate(
            String architecture,
            InputShape input,
            int classes,
            int timesteps,
            FiringRates firingRates,
            int weightBits,
            int spikeBits) {
        Architecture resolved = ArchitectureCatalog.resolve(architecture, input, classes);
        return estimate(resolved, timesteps, firingRates, weightBits, spikeBits);
    }

    /** Estimates an already resolved architecture; see the catalog overload. */
    public static CostReport estimate(
            Architecture architecture, int timesteps, FiringRates firingRates, int weightBits, int spikeBits) {
        FiringRates rates = firingRates == null ? FiringRates.dense() : firingRates;
        List<OperationCount> counts = OperationCounter.count(architecture);
        rates.requireKnown(priced(counts).stream()
                .filter(c -> !c.encoding())
                .map(OperationCount::name)
                .toList());
        return report(architecture, counts, rates::inputOf, rates, BitBudget.of(weightBits, spikeBits, timesteps));
    }

    /**
     * Estimates a trained network from the inputs measured at each conv, linear and attention matmul. A layer
     * missing from {@code measured} is priced as {@link FiringRates#dense()} prices it (the upper bound).
     *
     * @param measured the measured input of each layer, by {@link OperationCount} name
     * @throws UnknownLayerException when {@code measured} names a layer the architecture has not
     */
    public static CostReport estimateMeasured(
            Architecture architecture, int timesteps, Map<String, LayerInput> measured, int weightBits, int spikeBits) {
        List<OperationCount> counts = OperationCounter.count(architecture);
        Set<String> known =
                priced(counts).stream().map(OperationCount::name).collect(Collectors.toCollection(TreeSet::new));
        List<String> unknown = measured.keySet().stream()
                .filter(k -> !known.contains(k))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new UnknownLayerException("Measured inputs", unknown, known);
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        measured.forEach((name, input) -> rates.put(name, input.rate()));
        FiringRates fallback = FiringRates.dense();
        return report(
                architecture,
                counts,
                op -> measured.containsKey(op.name()) ? measured.get(op.name()) : fallback.inputOf(op),
                FiringRates.measured(rates, 1.0),
                BitBudget.of(weightBits, spikeBits, timesteps));
    }

    private static List<OperationCount> priced(List<OperationCount> counts) {
        return counts.stream().filter(c -> c.kind() != OperationKind.NORM).toList();
    }

    private static CostReport report(
            Architecture architecture,
            List<OperationCount> counts,
            Function<OperationCount, LayerInput> inputs,
            FiringRates rates,
            BitBudget budget) {
        List<LayerCost> layers = counts.stream()
                .map(c -> EnergyModel.price(
                        c, c.kind() == OperationKind.NORM ? null : inputs.apply(c), budget, CostBasis.HOROWITZ_45NM))
                .toList();
        long parameters = OperationCounter.parameters(architecture);
        return new CostReport(
                architecture.name(),
                architecture.input(),
                architecture.classes(),
                parameters,
                counts.stream().mapToLong(OperationCount::macs).sum(),
                counts.stream()
                        .filter(c -> c.kind() == OperationKind.ATTENTION)
                        .mapToLong(OperationCount::macs)
                        .sum(),
                layers,
                rates,
                EnergyReport.total(layers, CostBasis.HOROWITZ_45NM),
                EffortReport.of(layers, parameters, budget));
    }
}
