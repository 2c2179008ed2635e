package io.spikelot.model.cost;

/**
 * Cost of one layer for one sample: its counts, the firing rate applied and its share of ANN and SNN energy.
 *
 * @param name layer name ({@link OperationCount#name()})
 * @param kind what the entry counts
 * @param encoding the first layer; charged at MAC energy once in the SNN
 * @param parameters learned scalars
 * @param macs multiply-accumulates per timestep
 * @param inputFiringRate rate of the input spikes; null for the encoding layer (analog input) and BatchNorm
 * @param sops synaptic operations {@code fr·T·MACs}; 0 for the encoding layer, which does MACs
 * @param annEnergyPj {@code E_MAC·MACs}, pJ
 * @param snnEnergyPj {@code E_MAC·MACs} for the encoding layer, else {@code E_AC·sops}, pJ
 */
public record LayerCost(
        String name,
        OperationKind kind,
        boolean encoding,
        long parameters,
        long macs,
        Double inputFiringRate,
        double sops,
        double annEnergyPj,
        double snnEnergyPj) {}
