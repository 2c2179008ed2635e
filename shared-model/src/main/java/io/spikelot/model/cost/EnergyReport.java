package io.spikelot.model.cost;

import java.util.List;

/**
 * Energy per inference of one sample (ALGORITHMS §7).
 *
 * @param annEnergyMj the network run as an ANN, mJ
 * @param snnEnergyMj the network run as an SNN over T timesteps, mJ: encoding plus synaptic part
 * @param snnEncodingEnergyMj the encoding (first) layer's part, mJ: its MACs once for static images, its input's
 *     operations ×T on event frames
 * @param snnSynapticEnergyMj all other layers, mJ: accumulates of spike input, MACs of analog input
 * @param sops synaptic operations {@code Σ accumulates-per-MAC·T·MACs} over the layers with spike input
 * @param basis the constants and formulas used
 */
public record EnergyReport(
        double annEnergyMj,
        double snnEnergyMj,
        double snnEncodingEnergyMj,
        double snnSynapticEnergyMj,
        double sops,
        CostBasis basis) {

    private static final double PJ_PER_MJ = 1e9;

    /** Sums per-layer energies computed with {@code basis}. */
    public static EnergyReport total(List<LayerCost> layers, CostBasis basis) {
        double annPj = layers.stream().mapToDouble(LayerCost::annEnergyPj).sum();
        double encodingPj = layers.stream()
                .filter(LayerCost::encoding)
                .mapToDouble(LayerCost::snnEnergyPj)
                .sum();
        double synapticPj = layers.stream()
                .filter(l -> !l.encoding())
                .mapToDouble(LayerCost::snnEnergyPj)
                .sum();
        double sops = layers.stream().mapToDouble(LayerCost::sops).sum();
        return new EnergyReport(
                annPj / PJ_PER_MJ,
                (encodingPj + synapticPj) / PJ_PER_MJ,
                encodingPj / PJ_PER_MJ,
                synapticPj / PJ_PER_MJ,
                sops,
                basis);
    }
}
