package io.spikelot.model.arch;

/**
 * A layer with a weight tensor that multiplies its input: a conv or a linear layer. Every such weight is
 * prunable and binarizable (edge-popup, biprop and IMP touch all of them, first and last layers included, §2 and
 * D4); biases and BatchNorm parameters never are.
 */
public sealed interface WeightLayer extends Layer permits Conv2dLayer, LinearLayer {

    /** True for the layer that sees the raw input (the encoder, charged at MAC energy in an SNN, §7). */
    boolean encoding();

    boolean bias();

    /** The weight tensor's parameter spec ({@code <name>.weight}). */
    default ParameterSpec weight() {
        return parameters().get(0);
    }

    /** Weights of conv and linear layers are what ticket search masks and binarizes. */
    default boolean prunable() {
        return true;
    }
}
