package io.spikelot.pipeline.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import io.spikelot.pipeline.model.WeightGeometry;
import io.spikelot.pipeline.tensor.HostArrays;
import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.tensor.Scopes;

/**
 * A conv or linear layer whose trainable weight W is used as W ⊙ M under a fixed 0/1 mask M (masked dense
 * training): pruned weights take no part in the forward pass, their gradients are zero, and {@link #maskGradient()}
 * zeroes them again after backward as the reference does, so weights that start at 0 stay exactly 0 whatever the
 * optimizer (weight decay and momentum see a zero weight and a zero gradient). Without a mask it is a dense layer.
 * Direct parameters: {@code weight} ({@code [out, in, k, k]} or {@code [out, in]}) and, when the catalog layer has
 * one, {@code bias}.
 */
public final class MaskedLayer extends AbstractBlock {

    private final WeightGeometry geometry;
    private final Parameter weight;
    private final Parameter bias;
    /** 0/1 floats of the weight's shape, in the weight's manager; null while dense. */
    private NDArray mask;

    public MaskedLayer(WeightGeometry geometry, boolean hasBias, Initializer init) {
        this.geometry = geometry;
        this.weight = addParameter(geometry.weightParameter(init, true));
        this.bias = hasBias ? addParameter(geometry.biasParameter()) : null;
    }

    public Parameter weight() {
        return weight;
    }

    /** Fixes the mask ({@code true} = kept) from now on; the weight must be initialized. */
    public void setMask(HostTensor.Booleans keep) {
        NDArray w = weight.getArray();
        if (keep.size() != w.size()) {
            throw new IllegalArgumentException("A mask of shape " + java.util.Arrays.toString(keep.shape())
                    + " does not fit weight " + w.getShape());
        }
        float[] values = new float[keep.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = keep.values()[i] ? 1f : 0f;
        }
        if (mask != null) {
            mask.close();
        }
        mask = HostArrays.floats(w.getManager(), values, w.getShape()).toType(w.getDataType(), false);
    }

    /** Zeroes the gradient of every pruned weight, in place; call after backward, before the optimizer step. */
    public void maskGradient() {
        if (mask == null) {
            return;
        }
        try (NDArray gradient = weight.getArray().getGradient()) {
            gradient.muli(mask);
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        if (mask != null) {
            // the product lands in the batch's manager, not the model's
            w = Scopes.local(x.getManager(), w).mul(mask);
        }
        NDArray b = bias == null ? null : store.getValue(bias, x.getDevice(), training);
        return geometry.apply(x, w, b);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {geometry.outputShape(inputShapes[0])};
    }
}
