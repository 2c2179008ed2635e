package io.spikelot.pipeline.prune;

import ai.djl.nn.Block;
import io.spikelot.model.arch.Conv2dLayer;
import io.spikelot.model.arch.LinearLayer;
import io.spikelot.pipeline.model.WeightGeometry;
import io.spikelot.pipeline.model.WeightInit;
import io.spikelot.pipeline.model.WeightLayerFactory;

/**
 * Builds a {@link MaskedLayer} for every prunable conv and linear layer of the catalog (all of them: first and last
 * included, §5), with Kaiming-normal weights; catalog names are kept ({@code conv1.weight}, {@code head.bias}).
 */
public final class MaskedLayerFactory implements WeightLayerFactory {

    private final WeightLayerFactory dense = WeightLayerFactory.dense();

    @Override
    public Block conv(Conv2dLayer layer) {
        return layer.prunable()
                ? new MaskedLayer(WeightGeometry.conv(layer), layer.bias(), WeightInit.KAIMING_NORMAL)
                : dense.conv(layer);
    }

    @Override
    public Block linear(LinearLayer layer) {
        return layer.prunable()
                ? new MaskedLayer(
                        WeightGeometry.linear(layer.inFeatures(), layer.outFeatures()),
                        layer.bias(),
                        WeightInit.KAIMING_NORMAL)
                : dense.linear(layer);
    }
}
