package io.spikelot.pipeline.nir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Conv2d or linear node whose weight and bias may still change: a BatchNorm that follows folds into it
 * ({@link #fold}). Becomes a {@link NirNode} once the graph is complete.
 */
final class WeightedNode {

    private final String name;
    private final boolean conv;
    private final float[] weight;
    private final List<Integer> weightShape;
    private float[] bias;
    private final Map<String, Object> hyperParameters;

    WeightedNode(
            String name,
            boolean conv,
            float[] weight,
            List<Integer> weightShape,
            float[] bias,
            Map<String, Object> hyperParameters) {
        this.name = name;
        this.conv = conv;
        this.weight = weight;
        this.weightShape = List.copyOf(weightShape);
        this.bias = bias;
        this.hyperParameters = new LinkedHashMap<>(hyperParameters);
    }

    String name() {
        return name;
    }

    /** Output channels (conv) or features (linear). */
    int outputs() {
        return weightShape.get(0);
    }

    /**
     * Folds a per-output affine map y = scale·x + shift into the node: row c of the weight times scale[c], and the
     * bias b[c]·scale[c] + shift[c]. Computed in double, rounded once to float.
     */
    void fold(double[] scale, double[] shift) {
        int rows = outputs();
        int rowLength = weight.length / rows;
        float[] folded = new float[rows];
        for (int c = 0; c < rows; c++) {
            for (int i = c * rowLength; i < (c + 1) * rowLength; i++) {
                weight[i] = (float) (weight[i] * scale[c]);
            }
            folded[c] = (float) ((bias == null ? 0 : bias[c]) * scale[c] + shift[c]);
        }
        bias = folded;
    }

    NirNode toNode() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("weight", NirArrays.nest(weight, weightShape));
        if (conv) {
            parameters.putAll(hyperParameters);
            parameters.put("bias", bias == null ? new float[outputs()] : bias.clone());
            return new NirNode(name, "Conv2d", parameters);
        }
        if (bias == null) {
            return new NirNode(name, "Linear", parameters);
        }
        parameters.put("bias", bias.clone());
        return new NirNode(name, "Affine", parameters);
    }
}
