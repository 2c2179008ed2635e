package io.spikelot.model.arch;

/** Averages a token sequence {@code [N, D]} over its N tokens into {@code [D]} (Spikformer readout). */
public record TokenMeanLayer(String name, FeatureShape input, FeatureShape output) implements Layer {

    @Override
    public LayerKind kind() {
        return LayerKind.TOKEN_MEAN;
    }
}
