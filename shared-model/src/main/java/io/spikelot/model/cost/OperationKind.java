package io.spikelot.model.cost;

/** What a {@link OperationCount} counts. */
public enum OperationKind {
    /** A 2-D convolution: weights, bias, MACs. */
    CONV,
    /** A linear layer: weights, bias, MACs. */
    LINEAR,
    /** One of the two spiking self-attention matmuls ({@code Q·Kᵀ}, {@code ·V}): MACs, no parameters. */
    ATTENTION,
    /** An affine BatchNorm: γ and β, no MACs (folded into the preceding layer at inference). */
    NORM
}
