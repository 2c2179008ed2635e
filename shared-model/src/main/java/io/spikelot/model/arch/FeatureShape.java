package io.spikelot.model.arch;

import java.util.List;

/**
 * The per-sample shape of a tensor between layers, without the time and batch axes ({@code [T, B, ...]} in the
 * pipeline). Three kinds occur: feature maps {@code [C, H, W]}, token sequences {@code [N, D]} and vectors
 * {@code [F]}.
 *
 * @param dims the sizes, outermost first; all positive
 */
public record FeatureShape(List<Integer> dims) {

    public FeatureShape {
        dims = List.copyOf(dims);
        if (dims.isEmpty() || dims.stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("A shape needs positive dimensions, got " + dims);
        }
    }

    public static FeatureShape of(int... dims) {
        return new FeatureShape(java.util.Arrays.stream(dims).boxed().toList());
    }

    public int rank() {
        return dims.size();
    }

    public int get(int axis) {
        return dims.get(axis);
    }

    /** The last axis: channels of a vector, embedding size of a token sequence. */
    public int last() {
        return dims.get(dims.size() - 1);
    }

    /** Number of scalar entries per sample and timestep. */
    public long elements() {
        return dims.stream().mapToLong(Integer::longValue).reduce(1L, (a, b) -> a * b);
    }

    @Override
    public String toString() {
        return dims.toString();
    }
}
