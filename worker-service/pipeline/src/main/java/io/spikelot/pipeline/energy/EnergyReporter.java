package io.spikelot.pipeline.energy;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.LinearLayer;
import io.spikelot.model.arch.WeightLayer;
import io.spikelot.model.cost.CostEstimator;
import io.spikelot.model.cost.CostReport;
import io.spikelot.model.cost.LayerCost;
import io.spikelot.model.cost.LayerInput;
import io.spikelot.model.cost.OperationKind;
import io.spikelot.model.result.EnergySummary;
import io.spikelot.pipeline.model.InputStatistics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ANN and SNN energy per image (§7) priced by what each conv, linear and attention matmul read during the test
 * evaluation ({@link io.spikelot.pipeline.model.InputProbe}): analog input at E_MAC, spikes at E_AC by their rate,
 * multi-level spikes at E_AC by their mean level. A layer that was not measured is priced at the dense upper bound.
 */
public final class EnergyReporter {

    private EnergyReporter() {}

    /**
     * Full-precision weights and binary spikes (W = 16, S = 1 for the per-layer S-ACE columns).
     *
     * @param inputs what each layer read on the test split, by cost-model name; empty when not measured
     * @param keptByWeight kept fraction per masked weight ({@code conv2.weight}), for the density-scaled figures
     *     of decision D15
     * @param patchFraction K/N, the fraction of patches MultiSp keeps, in (0, 1]; 1 without patch pruning
     * @return the energies, their density-scaled variants, the rates applied, the basis and the per-layer table
     */
    public static EnergySummary energy(
            Architecture architecture,
            int timesteps,
            Map<String, InputStatistics> inputs,
            Map<String, Double> keptByWeight,
            double patchFraction) {
        return summary(architecture, report(architecture, timesteps, inputs, 16, 1), keptByWeight, patchFraction);
    }

    /** The cost of {@code architecture} at W/S/T with the measured inputs: energy, S-ACE, NS-ACE, per layer. */
    public static CostReport report(
            Architecture architecture,
            int timesteps,
            Map<String, InputStatistics> inputs,
            int weightBits,
            int spikeBits) {
        Map<String, LayerInput> measured = new LinkedHashMap<>();
        inputs.forEach((name, statistics) -> measured.put(name, statistics.toLayerInput()));
        return CostEstimator.estimateMeasured(architecture, timesteps, measured, weightBits, spikeBits);
    }

    /** The energy summary of a cost report, with its density- and patch-scaled variants. */
    public static EnergySummary summary(
            Architecture architecture, CostReport report, Map<String, Double> keptByWeight, double patchFraction) {
        if (!(patchFraction > 0 && patchFraction <= 1)) {
            throw new IllegalArgumentException("Patch fraction K/N must lie in (0, 1], got " + patchFraction);
        }
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
        // without patch pruning there is nothing to scale: the figures are absent, not K/N = 0 or a copy
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
                report.effort().bitBudget().timesteps(),
                report.firingRates().perLayer(),
                report.energy().basis(),
                report.layers());
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
