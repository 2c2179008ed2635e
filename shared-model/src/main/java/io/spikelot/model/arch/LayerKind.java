package io.spikelot.model.arch;

/** The kind of a {@link Layer}, for code that switches on it (one constant per permitted layer type). */
public enum LayerKind {
    CONV2D,
    LINEAR,
    BATCH_NORM,
    POOL,
    NEURON,
    FLATTEN,
    TOKENS,
    TOKEN_MEAN,
    RESIDUAL,
    SELF_ATTENTION
}
