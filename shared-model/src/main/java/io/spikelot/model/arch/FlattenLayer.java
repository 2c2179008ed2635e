package io.spikelot.model.arch;

/** Flattens a feature map {@code [C, H, W]} into the vector {@code [C·H·W]} (row-major, C outermost). */
public record FlattenLayer(String name, FeatureShape input, FeatureShape output) implements Layer {

    @Override
    public LayerKind kind() {
        return LayerKind.FLATTEN;
    }
}
