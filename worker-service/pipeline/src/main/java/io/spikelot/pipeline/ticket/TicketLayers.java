package io.spikelot.pipeline.ticket;

import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.model.WeightLayers;
import java.util.Map;

/** The ticket layers of a built network, by the catalog name of their weight ({@code conv1.weight}). */
public final class TicketLayers {

    private TicketLayers() {}

    /** In network order; empty for a dense network. */
    public static Map<String, TicketLayer> of(SpikingNetwork network) {
        return WeightLayers.find(network, TicketLayer.class, TicketLayer::weight);
    }
}
