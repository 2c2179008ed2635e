package io.spikelot.model.arch;

import java.util.List;

/**
 * One learned tensor of a layer. Names are stable across releases and follow PyTorch {@code state_dict} style:
 * the layer's dotted path plus {@code weight} or {@code bias} ({@code block2.conv1.weight}, {@code head.bias};
 * a BatchNorm's γ and β are {@code bn1.weight} and {@code bn1.bias}). BatchNorm running statistics are buffers,
 * not parameters, and are not listed.
 *
 * @param name stable dotted name
 * @param shape tensor shape; conv weights are {@code [out, in, k, k]}, linear weights {@code [out, in]}
 * @param role what the tensor is for
 */
public record ParameterSpec(String name, List<Integer> shape, ParameterRole role) {

    public ParameterSpec {
        shape = List.copyOf(shape);
    }

    /** A layer's {@code <name>.weight} and, with {@code bias}, {@code <name>.bias} of size {@code weightShape[0]}. */
    static List<ParameterSpec> weightAndBias(String layer, List<Integer> weightShape, boolean bias) {
        ParameterSpec weight = new ParameterSpec(layer + ".weight", weightShape, ParameterRole.WEIGHT);
        if (!bias) {
            return List.of(weight);
        }
        return List.of(weight, new ParameterSpec(layer + ".bias", List.of(weightShape.get(0)), ParameterRole.BIAS));
    }

    /** Number of scalars in the tensor. */
    public long count() {
        return shape.stream().mapToLong(Integer::longValue).reduce(1L, (a, b) -> a * b);
    }
}
