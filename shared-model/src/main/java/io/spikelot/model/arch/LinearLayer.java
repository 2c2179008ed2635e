package io.spikelot.model.arch;

import java.util.List;

/**
 * A fully connected layer on the last axis: {@code [F_in] → [F_out]} on a vector, or {@code [N, F_in] →
 * [N, F_out]} applied to each of N tokens (the Spikformer q/k/v, projection and MLP layers; the DVS reference
 * writes these as 1×1 Conv1d, which is the same map).
 *
 * @param name dotted path; parameters are {@code <name>.weight} {@code [out, in]} and, with bias,
 *     {@code <name>.bias} {@code [out]}
 * @param encoding the first layer, fed by the raw input (never the case in the current catalog)
 */
public record LinearLayer(
        String name,
        int inFeatures,
        int outFeatures,
        boolean bias,
        boolean encoding,
        FeatureShape input,
        FeatureShape output)
        implements WeightLayer {

    @Override
    public LayerKind kind() {
        return LayerKind.LINEAR;
    }

    /** How many positions the layer is applied at: N for a token sequence, 1 for a vector. */
    public long positions() {
        return input.elements() / inFeatures;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return ParameterSpec.weightAndBias(name, List.of(outFeatures, inFeatures), bias);
    }
}
