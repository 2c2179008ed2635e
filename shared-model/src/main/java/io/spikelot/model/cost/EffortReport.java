package io.spikelot.model.cost;

import java.util.List;

/**
 * QSNN computation effort and storage for a W/S/T allocation (ALGORITHMS §6), for one sample. Only MACs between
 * weights and activations count: the attention matmuls multiply two activations and have no W-bit operand, so
 * they are left out (this matches the paper's CIFAR Spikformer S-ACE to about 0.2%).
 *
 * @param bitBudget the allocation and {@code BB = W·S·T}
 * @param weightMacs conv and linear MACs per timestep, encoding layer included
 * @param denseSops the paper's "SOPs" column, {@code weightMacs·S·T}: dense, no firing rate
 * @param sAce {@code Σ n_{w,s}·BB = weightMacs·T·W·S}, bit-operations (the paper reports G)
 * @param nsAce {@code Σ fr·n_{w,s}·BB}, bit-operations, fr the non-zero fraction of each layer's input (D13); analog
 *     input (the image, an average-pooled map) counts as rate 1, so {@code nsAce ≤ sAce}
 * @param parameterBits storage of all parameters at W bits, {@code P·W}, bits
 * @param parameters16BitEquivalentMillions the paper's "Params (M)" column, {@code P·W/16/10⁶}
 */
public record EffortReport(
        BitBudget bitBudget,
        long weightMacs,
        long denseSops,
        long sAce,
        double nsAce,
        long parameterBits,
        double parameters16BitEquivalentMillions) {

    /** Computes the effort of {@code layers} holding {@code parameters} learned scalars under {@code budget}. */
    public static EffortReport of(List<LayerCost> layers, long parameters, BitBudget budget) {
        long weightMacs = 0;
        long sAce = 0;
        double nsAce = 0;
        for (LayerCost layer : layers) {
            if (layer.kind() == OperationKind.CONV || layer.kind() == OperationKind.LINEAR) {
                weightMacs += layer.macs();
            }
            // the per-layer figures are the terms of the sums, so the table adds up to the headline exactly
            sAce = Math.addExact(sAce, layer.sAce());
            nsAce += layer.nsAce();
        }
        long sops = weightMacs * budget.spikeBits() * budget.timesteps();
        return new EffortReport(
                budget,
                weightMacs,
                sops,
                sAce,
                nsAce,
                Math.multiplyExact(parameters, (long) budget.weightBits()),
                parameters * budget.weightBits() / 16.0 / 1e6);
    }
}
