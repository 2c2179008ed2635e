package io.spikelot.pipeline.ticket;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.spikelot.pipeline.model.SpikingNetwork;
import java.util.LinkedHashMap;
import java.util.Map;

/** The ticket layers of a built network, by the catalog name of their weight ({@code conv1.weight}). */
public final class TicketLayers {

    private TicketLayers() {}

    /** In network order; empty for a dense network. */
    public static Map<String, TicketLayer> of(SpikingNetwork network) {
        Map<Parameter, String> names = new LinkedHashMap<>();
        network.parameterIndex().parameters().forEach((name, parameter) -> names.put(parameter, name));
        Map<String, TicketLayer> layers = new LinkedHashMap<>();
        collect(network, names, layers);
        return layers;
    }

    private static void collect(Block block, Map<Parameter, String> names, Map<String, TicketLayer> layers) {
        if (block instanceof TicketLayer ticket) {
            String weightName = names.get(ticket.weight());
            if (weightName == null) {
                throw new IllegalStateException(
                        "Ticket layer with scores " + names.get(ticket.scores()) + " has no indexed weight");
            }
            layers.put(weightName, ticket);
            return;
        }
        for (Block child : block.getChildren().values()) {
            collect(child, names, layers);
        }
    }
}
