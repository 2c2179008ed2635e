package io.spikelot.model.arch;

import java.util.List;

/**
 * Batch normalization over the channel axis of a feature map ({@code [C, H, W]}, BatchNorm2d) or the feature
 * axis of a token sequence ({@code [N, D]}, BatchNorm1d over D) or vector. Shape-preserving.
 *
 * @param channels size of the normalized axis
 * @param affine learned γ ({@code <name>.weight}) and β ({@code <name>.bias}), {@code [channels]} each; a
 *     non-affine BatchNorm (edge-popup/biprop convention, D8) has running statistics only and no parameters
 */
public record BatchNormLayer(String name, int channels, boolean affine, FeatureShape input, FeatureShape output)
        implements Layer {

    @Override
    public LayerKind kind() {
        return LayerKind.BATCH_NORM;
    }

    @Override
    public List<ParameterSpec> parameters() {
        if (!affine) {
            return List.of();
        }
        return List.of(
                new ParameterSpec(name + ".weight", List.of(channels), ParameterRole.NORM_SCALE),
                new ParameterSpec(name + ".bias", List.of(channels), ParameterRole.NORM_SHIFT));
    }
}
