package io.spikelot.model.arch;

/**
 * Turns a feature map {@code [D, H, W]} into a token sequence {@code [H·W, D]} (Spikformer's
 * {@code x.flatten(-2).transpose(-1, -2)}); token i is pixel {@code (i / W, i % W)}.
 */
public record TokensLayer(String name, FeatureShape input, FeatureShape output) implements Layer {

    @Override
    public LayerKind kind() {
        return LayerKind.TOKENS;
    }
}
