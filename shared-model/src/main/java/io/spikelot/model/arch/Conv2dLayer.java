package io.spikelot.model.arch;

import java.util.List;

/**
 * A square 2-D convolution with dilation 1 and groups 1: {@code [inChannels, H, W] → [outChannels, H', W']}
 * with {@code H' = ⌊(H + 2·padding − kernel)/stride⌋ + 1}.
 *
 * @param name dotted path; parameters are {@code <name>.weight} {@code [out, in, k, k]} and, with bias,
 *     {@code <name>.bias} {@code [out]}
 * @param encoding the first layer, fed by the raw input
 * @param convPep a Spikformer patch-embedding (SPS) conv, the set that PEPSp prunes and binarizes
 */
public record Conv2dLayer(
        String name,
        int inChannels,
        int outChannels,
        int kernel,
        int stride,
        int padding,
        boolean bias,
        boolean encoding,
        boolean convPep,
        FeatureShape input,
        FeatureShape output)
        implements WeightLayer {

    @Override
    public LayerKind kind() {
        return LayerKind.CONV2D;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return ParameterSpec.weightAndBias(name, List.of(outChannels, inChannels, kernel, kernel), bias);
    }
}
