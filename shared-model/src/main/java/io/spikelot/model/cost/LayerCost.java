package io.spikelot.model.cost;

/**
 * Cost of one layer for one sample: its counts, the input it was priced at and its share of ANN and SNN energy and
 * of the QSNN effort. Summing a column over all layers gives the report's total.
 *
 * @param name layer name ({@link OperationCount#name()})
 * @param kind what the entry counts
 * @param encoding the first layer, fed by the raw input
 * @param parameters learned scalars
 * @param macs multiply-accumulates per timestep
 * @param inputFiringRate the non-zero fraction of the layer's input; null for BatchNorm
 * @param sops synaptic operations {@code accumulates-per-MAC·T·MACs} for spike input (the mean level for
 *     multi-level spikes); 0 for analog input, which does MACs
 * @param annEnergyPj {@code E_MAC·MACs}, pJ
 * @param snnEnergyPj {@code E_MAC·MACs·(1 or T)} for analog input (once for the static-image encoder, D14), else
 *     {@code E_AC·sops}, pJ
 * @param inputKind analog, spikes or multi-level; null for BatchNorm
 * @param inputMeanLevel mean level per input entry (the rate for binary spikes); null for analog input and BatchNorm
 * @param sAce {@code MACs·T·W·S} for conv and linear layers (the encoder too: S-ACE charges every layer ×T); 0 for
 *     attention matmuls and BatchNorm, which have no W-bit operand
 * @param nsAce {@code fr·MACs·T·W·S} with fr the non-zero fraction (1 for analog input); 0 where {@code sAce} is
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
        double snnEnergyPj,
        LayerInputKind inputKind,
        Double inputMeanLevel,
        long sAce,
        double nsAce) {}
