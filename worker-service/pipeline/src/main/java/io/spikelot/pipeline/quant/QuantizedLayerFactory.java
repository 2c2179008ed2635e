package io.spikelot.pipeline.quant;

import ai.djl.nn.Block;
import io.spikelot.model.arch.Conv2dLayer;
import io.spikelot.model.arch.LinearLayer;
import io.spikelot.pipeline.model.WeightInit;
import io.spikelot.pipeline.model.WeightLayerFactory;

/**
 * Builds every conv and linear layer of the catalog architecture, the encoding conv and the classifier included,
 * with W-bit weights (Kaiming-normal latent weights). BatchNorm and biases stay in full precision.
 */
public final class QuantizedLayerFactory implements WeightLayerFactory {

    private final int weightBits;

    /** @param weightBits W, 1 to 16 (16 = full precision) */
    public QuantizedLayerFactory(int weightBits) {
        this.weightBits = weightBits;
    }

    @Override
    public Block conv(Conv2dLayer layer) {
        return QuantizedLayer.conv(layer, weightBits, WeightInit.KAIMING_NORMAL);
    }

    @Override
    public Block linear(LinearLayer layer) {
        return QuantizedLayer.linear(layer, weightBits, WeightInit.KAIMING_NORMAL);
    }
}
