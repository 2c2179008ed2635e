package io.spikelot.pipeline.nir;

import java.util.Map;

/**
 * One NIR node as {@code nir.read} expects it: a group named {@code name} under {@code node/nodes} holding the
 * dataset {@code type} and one dataset per parameter.
 *
 * @param name the node's name, the graph node's catalog name ({@code conv1}) or {@code input} / {@code output}
 * @param type NIR's node type: {@code Input}, {@code Output}, {@code Conv2d}, {@code Affine}, {@code Linear},
 *     {@code LIF}, {@code SumPool2d}, {@code AvgPool2d}, {@code Threshold} or {@code Flatten}
 * @param parameters NIR's parameter names to values: {@code float[]} arrays nested to the tensor's rank
 *     ({@code float[out][in][kh][kw]}), {@code long[]} shapes and tuples, {@code Long} scalars
 */
public record NirNode(String name, String type, Map<String, Object> parameters) {

    public NirNode {
        if (parameters.containsKey("type")) {
            throw new IllegalArgumentException("NIR keeps the dataset type for the node type, not a parameter");
        }
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }
}
