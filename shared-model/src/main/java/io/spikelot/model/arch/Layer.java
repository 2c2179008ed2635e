package io.spikelot.model.arch;

import java.util.List;

/**
 * One step of a resolved architecture. Shapes are per sample and timestep ({@link FeatureShape}); the pipeline
 * runs every layer on {@code [T·B, ...]} except neurons, which keep state over T. Composite layers
 * ({@link ResidualLayer}, {@link SelfAttentionLayer}) hold their sub-layers; every name is the full dotted path,
 * so parameter names are unique across the whole network.
 */
public sealed interface Layer
        permits WeightLayer,
                BatchNormLayer,
                PoolLayer,
                NeuronLayer,
                FlattenLayer,
                TokensLayer,
                TokenMeanLayer,
                ResidualLayer,
                SelfAttentionLayer {

    /** Full dotted path, unique within the architecture, e.g. {@code block2.conv1}. */
    String name();

    LayerKind kind();

    FeatureShape input();

    FeatureShape output();

    /** The learned tensors of this layer itself (not of its sub-layers). */
    default List<ParameterSpec> parameters() {
        return List.of();
    }

    /** Sub-layers of a composite, in execution order; empty for a plain layer. */
    default List<Layer> children() {
        return List.of();
    }
}
