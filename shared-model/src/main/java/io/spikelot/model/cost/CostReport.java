package io.spikelot.model.cost;

import io.spikelot.model.arch.InputShape;
import java.util.List;

/**
 * Everything the estimate of one architecture on one input returns; plain fields, ready for JSON.
 *
 * @param architecture catalog name
 * @param input the dataset's frame shape {@code [C, H, W]}
 * @param classes number of logits
 * @param parameters learned scalars (weights, biases, affine BatchNorm γ/β)
 * @param macs MACs per sample and timestep, attention matmuls included
 * @param attentionMacs the attention matmuls' share of {@code macs}
 * @param layers per-layer breakdown in execution order
 * @param firingRates the rates applied
 * @param energy ANN and SNN energy with their basis
 * @param effort bit budget, S-ACE, NS-ACE and parameter storage
 */
public record CostReport(
        String architecture,
        InputShape input,
        int classes,
        long parameters,
        long macs,
        long attentionMacs,
        List<LayerCost> layers,
        FiringRates firingRates,
        EnergyReport energy,
        EffortReport effort) {

    public CostReport {
        layers = List.copyOf(layers);
    }

    /** The entry of the named layer. */
    public LayerCost layer(String name) {
        return layers.stream()
                .filter(l -> l.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No layer '" + name + "' in " + architecture));
    }
}
