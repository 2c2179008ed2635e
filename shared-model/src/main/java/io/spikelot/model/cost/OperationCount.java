package io.spikelot.model.cost;

/**
 * Parameters and MACs of one layer for one sample and one timestep.
 *
 * @param name the layer's dotted name; attention matmuls are {@code <attention>.qk} and {@code <attention>.av}
 * @param kind what is counted
 * @param encoding the first layer, fed by the raw input
 * @param parameters learned scalars: weights plus bias, or γ plus β
 * @param macs multiply-accumulates per sample and timestep
 */
public record OperationCount(String name, OperationKind kind, boolean encoding, long parameters, long macs) {}
