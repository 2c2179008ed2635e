package io.spikelot.pipeline.quant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import io.spikelot.model.arch.LinearLayer;

/** A fully connected layer with a W-bit weight: {@code [..., in] → [..., out]}; weight {@code [out, in]}. */
public final class QuantizedLinear extends QuantizedLayer {

    private final long outFeatures;

    public QuantizedLinear(LinearLayer layer, int weightBits, Initializer weightInit) {
        super(weightBits, new Shape(layer.outFeatures(), layer.inFeatures()), layer.bias(), weightInit);
        this.outFeatures = layer.outFeatures();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = quantizedWeight(store, x.getManager(), x.getDevice(), training);
        return Linear.linear(x, w, bias(store, x.getDevice(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {in.slice(0, in.dimension() - 1).add(outFeatures)};
    }
}
