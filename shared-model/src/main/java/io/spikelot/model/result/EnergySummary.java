package io.spikelot.model.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.spikelot.model.cost.CostBasis;
import java.util.Map;

/**
 * Energy per image of a ticket (ALGORITHMS.md §7), in mJ, with the measured firing rates applied and the basis of
 * the figures.
 *
 * @param annMj the dense ANN: E_MAC · Σ MACs
 * @param snnMj the SNN: encoding MACs plus Σ fr·T·MACs accumulates
 * @param snnEncodingMj the encoding layer's part of {@code snnMj}
 * @param snnSynapticMj the accumulate part of {@code snnMj}
 * @param sops synaptic operations per image, Σ fr·T·MACs
 * @param annMjDensityScaled {@code annMj} with each layer's MACs scaled by its kept fraction (D15)
 * @param snnMjDensityScaled {@code snnMj} likewise
 * @param densityScaling what the density-scaled figures mean
 * @param annMjPatchScaled MultiSp: token-wise linears × K/N, attention × (K/N)²; absent when every patch is kept
 * @param snnMjPatchScaled likewise for the SNN
 * @param patchScaling what the patch-scaled figures mean; absent with them
 * @param timesteps T
 * @param inputFiringRates the rate applied to each weight layer's input spikes, by layer name
 * @param basis energies per operation and the formulas
 */
public record EnergySummary(
        double annMj,
        double snnMj,
        double snnEncodingMj,
        double snnSynapticMj,
        double sops,
        double annMjDensityScaled,
        double snnMjDensityScaled,
        String densityScaling,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double annMjPatchScaled,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double snnMjPatchScaled,
        @JsonInclude(JsonInclude.Include.NON_NULL) String patchScaling,
        int timesteps,
        Map<String, Double> inputFiringRates,
        CostBasis basis) {

    public EnergySummary {
        inputFiringRates = Map.copyOf(inputFiringRates);
    }
}
