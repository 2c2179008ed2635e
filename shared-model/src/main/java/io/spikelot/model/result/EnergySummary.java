package io.spikelot.model.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.spikelot.model.cost.CostBasis;
import io.spikelot.model.cost.LayerCost;
import java.util.List;
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
 * @param inputFiringRates the non-zero fraction of each conv, linear and attention matmul's input, measured at that
 *     layer's own input tensor, by layer name
 * @param basis energies per operation and the formulas
 * @param layers the per-layer table in execution order: MACs, input kind, input rate, mean level, ANN and SNN energy
 *     (pJ), SOPs, S-ACE and NS-ACE; its columns sum to {@code annMj}, {@code snnMj}, {@code sops} and the job's S-ACE
 *     and NS-ACE
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
        CostBasis basis,
        List<LayerCost> layers) {

    public EnergySummary {
        inputFiringRates = Map.copyOf(inputFiringRates);
        layers = layers == null ? List.of() : List.copyOf(layers);
    }
}
