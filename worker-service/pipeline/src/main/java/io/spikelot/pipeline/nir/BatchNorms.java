package io.spikelot.pipeline.nir;

import io.spikelot.model.graph.GraphNode;
import io.spikelot.model.graph.GraphParameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** BatchNorm at inference as a per-channel affine map, to fold into the layer before it or to write on its own. */
final class BatchNorms {

    private BatchNorms() {}

    /**
     * y = scale·x + shift per channel, scale = γ / √(running_var + ε), shift = β − running_mean·scale (γ = 1,
     * β = 0 for a non-affine BatchNorm).
     */
    record Affine(double[] scale, double[] shift) {

        boolean allScalesPositive() {
            for (double s : scale) {
                if (!(s > 0)) {
                    return false;
                }
            }
            return true;
        }
    }

    static Affine affine(GraphNode node, Function<GraphParameter, float[]> dense) {
        float[] mean = dense.apply(required(node, "running-mean"));
        float[] variance = dense.apply(required(node, "running-var"));
        float[] gamma = NirTranslation.parameter(node, "norm-scale").map(dense).orElse(null);
        float[] beta = NirTranslation.parameter(node, "norm-shift").map(dense).orElse(null);
        double eps = ((Number) node.attributes().get("eps")).doubleValue();
        double[] scale = new double[mean.length];
        double[] shift = new double[mean.length];
        for (int c = 0; c < mean.length; c++) {
            scale[c] = (gamma == null ? 1 : gamma[c]) / Math.sqrt(variance[c] + eps);
            shift[c] = (beta == null ? 0 : beta[c]) - mean[c] * scale[c];
        }
        return new Affine(scale, shift);
    }

    /**
     * A BatchNorm with no conv or linear to fold into: on feature maps {@code [C, H, W]} a depthwise 1×1 Conv2d
     * (groups = C), on vectors an Affine with a diagonal weight. Exact either way.
     */
    static NirNode standalone(GraphNode node, Affine affine) {
        int channels = affine.scale().length;
        float[] shift = new float[channels];
        for (int c = 0; c < channels; c++) {
            shift[c] = (float) affine.shift()[c];
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<Integer> in = node.inputShape();
        if (in.size() == 3) {
            float[] weight = new float[channels];
            for (int c = 0; c < channels; c++) {
                weight[c] = (float) affine.scale()[c];
            }
            parameters.put("weight", NirArrays.nest(weight, List.of(channels, 1, 1, 1)));
            parameters.put("bias", shift);
            parameters.put("input_shape", NirArrays.longs(in.subList(1, 3)));
            parameters.put("stride", new long[] {1, 1});
            parameters.put("padding", new long[] {0, 0});
            parameters.put("dilation", new long[] {1, 1});
            parameters.put("groups", (long) channels);
            return new NirNode(node.name(), "Conv2d", parameters);
        }
        if (in.size() != 1) {
            throw new NirUnsupportedException(node.name(), "a BatchNorm over tokens has no NIR form");
        }
        float[] weight = new float[channels * channels];
        for (int c = 0; c < channels; c++) {
            weight[c * channels + c] = (float) affine.scale()[c];
        }
        parameters.put("weight", NirArrays.nest(weight, List.of(channels, channels)));
        parameters.put("bias", shift);
        return new NirNode(node.name(), "Affine", parameters);
    }

    private static GraphParameter required(GraphNode node, String role) {
        return NirTranslation.parameter(node, role)
                .orElseThrow(() -> new IllegalArgumentException("No " + role + " for " + node.name()));
    }
}
