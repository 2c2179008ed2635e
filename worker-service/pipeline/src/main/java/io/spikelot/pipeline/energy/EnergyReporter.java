package io.spikelot.pipeline.energy;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.LinearLayer;
import io.spikelot.model.arch.WeightLayer;
import io.spikelot.model.cost.CostEstimator;
import io.spikelot.model.cost.CostReport;
import io.spikelot.model.cost.FiringRates;
import io.spikelot.model.cost.LayerCost;
import io.spikelot.model.cost.OperationKind;
import io.spikelot.model.result.EnergySummary;
import io.spikelot.pipeline.model.InputFiringRates;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ANN and SNN energy per image (§7) with the measured firing rates, mapped to the layers that read them by
 * {@link InputFiringRates}. Layers without a LIF before them, and every layer of an ANN, get rate 1 (the dense
 * upper bound).
 */
public final class EnergyReporter {

    private EnergyReporter() {}

    /**
     * @param neuronRates test-set rate per LIF layer (catalog names); empty for an ANN
     * @param keptByWeight kept fraction per masked weight ({@code conv2.weight}), for the density-scaled figures
     *     of decision D15
     * @param patchFraction K/N, the fraction of patches MultiSp keeps; 1 without patch pruning
     * @return the energies, their density-scaled variants, the rates applied and the cost basis
     */
    public static EnergySummary energy(
            Architecture architecture,
            int timesteps,
            Map<String, Double> neuronRates,
            Map<String, Double> keptByWeight,
            double patchFraction) {
        Map<String, Double> rates = InputFiringRates.of(architecture, neuronRates);
        CostReport report = CostEstimator.estimate(architecture, timesteps, FiringRates.measured(rates, 1.0), 16, 1);
        double annPj = 0;
        double snnPj = 0;
        Set<String> tokenWise = tokenWiseLinears(architecture);
        double annPatchPj = 0;
        double snnPatchPj = 0;
        for (LayerCost layer : report.layers()) {
            double density = keptByWeight.getOrDefault(layer.name() + ".weight", 1.0);
            annPj += layer.annEnergyPj() * density;
            snnPj += layer.snnEnergyPj() * density;
            double patches = patchScale(layer, tokenWise, patchFraction);
            annPatchPj += layer.annEnergyPj() * patches;
            snnPatchPj += layer.snnEnergyPj() * patches;
        }
        boolean patchScaled = patchFraction < 1;
        return new EnergySummary(
                report.energy().annEnergyMj(),
                report.energy().snnEnergyMj(),
                report.energy().snnEncodingEnergyMj(),
                report.energy().snnSynapticEnergyMj(),
                report.energy().sops(),
                annPj / 1e9,
                snnPj / 1e9,
                "D15: the *DensityScaled figures multiply each layer's MACs by its kept fraction; the others are dense",
                patchScaled ? annPatchPj / 1e9 : null,
                patchScaled ? snnPatchPj / 1e9 : null,
                patchScaled
                        ? "MultiSp: the *PatchScaled figures scale the token-wise linear MACs by K/N = " + patchFraction
                                + " and the attention MACs by (K/N)²; the patch embedding and the head are unchanged"
                        : null,
                timesteps,
                rates,
                report.energy().basis());
    }

    /** K/N for the linears applied to every token ({@code [N, D]} input), (K/N)² for attention, 1 elsewhere. */
    private static double patchScale(LayerCost layer, Set<String> tokenWise, double patchFraction) {
        if (layer.kind() == OperationKind.ATTENTION) {
            return patchFraction * patchFraction;
        }
        return tokenWise.contains(layer.name()) ? patchFraction : 1.0;
    }

    private static Set<String> tokenWiseLinears(Architecture architecture) {
        return architecture.weightLayers().stream()
                .filter(l -> l instanceof LinearLayer linear && linear.input().rank() == 2)
                .map(WeightLayer::name)
                .collect(Collectors.toSet());
    }
}
