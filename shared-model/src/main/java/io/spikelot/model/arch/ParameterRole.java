package io.spikelot.model.arch;

/** What a learned tensor is for; decides how pruning, binarization and counting treat it. */
public enum ParameterRole {
    /** Conv or linear weight: the only tensors that edge-popup, biprop and IMP prune and binarize. */
    WEIGHT,
    /** Additive bias of a conv or linear layer. */
    BIAS,
    /** BatchNorm scale γ (PyTorch name {@code weight}); present only for affine BatchNorm. */
    NORM_SCALE,
    /** BatchNorm shift β (PyTorch name {@code bias}); present only for affine BatchNorm. */
    NORM_SHIFT
}
