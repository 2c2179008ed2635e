package io.spikelot.pipeline.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Finds the weight layers of one block type in a network, by the catalog name of their weight. */
public final class WeightLayers {

    private WeightLayers() {}

    /**
     * The blocks of {@code type} in network order, keyed by the indexed name of their weight ({@code conv1.weight});
     * empty when the network has none.
     *
     * @throws IllegalStateException when such a block's weight is not in the network's parameter index
     */
    public static <T extends Block> Map<String, T> find(
            SpikingNetwork network, Class<T> type, Function<T, Parameter> weight) {
        Map<Parameter, String> names = new LinkedHashMap<>();
        network.parameterIndex().parameters().forEach((name, parameter) -> names.put(parameter, name));
        Map<String, T> layers = new LinkedHashMap<>();
        collect(network, type, weight, names, layers);
        return layers;
    }

    private static <T extends Block> void collect(
            Block block,
            Class<T> type,
            Function<T, Parameter> weight,
            Map<Parameter, String> names,
            Map<String, T> out) {
        if (type.isInstance(block)) {
            T layer = type.cast(block);
            String name = names.get(weight.apply(layer));
            if (name == null) {
                throw new IllegalStateException(type.getSimpleName() + " " + layer + " has no indexed weight");
            }
            out.put(name, layer);
            return;
        }
        for (Block child : block.getChildren().values()) {
            collect(child, type, weight, names, out);
        }
    }
}
