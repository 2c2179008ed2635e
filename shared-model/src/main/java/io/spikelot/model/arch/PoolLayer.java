package io.spikelot.model.arch;

/**
 * Spatial pooling with floor rounding (PyTorch {@code ceil_mode=False}). For {@link PoolType#GLOBAL_AVG} the
 * kernel, stride and padding are 0 and the output is the vector {@code [C]}.
 */
public record PoolLayer(
        String name, PoolType type, int kernel, int stride, int padding, FeatureShape input, FeatureShape output)
        implements Layer {

    @Override
    public LayerKind kind() {
        return LayerKind.POOL;
    }
}
