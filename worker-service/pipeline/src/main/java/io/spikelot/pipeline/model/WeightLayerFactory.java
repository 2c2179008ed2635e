package io.spikelot.pipeline.model;

import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import io.spikelot.model.arch.Conv2dLayer;
import io.spikelot.model.arch.LinearLayer;

/**
 * Makes the block for each conv and linear layer. This is where ticket search plugs in: an edge-popup or biprop
 * factory returns layers with frozen weights and trainable scores; the training loop then trains whatever
 * parameters require gradients. Direct parameters named {@code weight} and {@code bias} are indexed under the
 * catalog names; any other direct parameter (e.g. {@code scores}) is indexed as {@code <layer>.<name>}.
 */
public interface WeightLayerFactory {

    Block conv(Conv2dLayer layer);

    Block linear(LinearLayer layer);

    /** Ordinary dense, fully trainable layers (DJL's, with convolutions channel-aligned: {@link DenseConv2d}). */
    static WeightLayerFactory dense() {
        return new WeightLayerFactory() {
            @Override
            public Block conv(Conv2dLayer layer) {
                return new DenseConv2d(layer);
            }

            @Override
            public Block linear(LinearLayer layer) {
                return Linear.builder()
                        .setUnits(layer.outFeatures())
                        .optBias(layer.bias())
                        .build();
            }
        };
    }
}
