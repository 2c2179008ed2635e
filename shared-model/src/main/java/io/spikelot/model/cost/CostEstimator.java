package io.spikelot.model.cost;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.InputShape;
import java.util.List;

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
        BitBudget budget = BitBudget.of(weightBits, spikeBits, timesteps);
        FiringRates rates = firingRates == null ? FiringRates.dense() : firingRates;
        List<OperationCount> counts = OperationCounter.count(architecture);
        rates.requireKnown(counts.stream()
                .filter(c -> c.kind() != OperationKind.NORM && !c.encoding())
                .map(OperationCount::name)
                .toList());
        List<LayerCost> layers = counts.stream()
                .map(c -> EnergyModel.price(c, rates, timesteps, CostBasis.HOROWITZ_45NM))
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
