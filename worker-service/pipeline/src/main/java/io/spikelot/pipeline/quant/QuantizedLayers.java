package io.spikelot.pipeline.quant;

import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.model.WeightLayers;
import java.util.Map;

/** The quantized layers of a built network, by the catalog name of their weight ({@code conv1.weight}). */
public final class QuantizedLayers {

    private QuantizedLayers() {}

    /** In network order; empty for a network built without a {@link QuantizedLayerFactory}. */
    public static Map<String, QuantizedLayer> of(SpikingNetwork network) {
        return WeightLayers.find(network, QuantizedLayer.class, QuantizedLayer::weight);
    }
}
