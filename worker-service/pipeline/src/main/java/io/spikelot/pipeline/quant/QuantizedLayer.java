package io.spikelot.pipeline.quant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import io.spikelot.model.arch.Conv2dLayer;
import io.spikelot.model.arch.LinearLayer;
import io.spikelot.pipeline.model.WeightGeometry;
import io.spikelot.pipeline.tensor.Scopes;

/**
 * A conv or linear layer whose forward pass uses the W-bit quantized copy of a trainable full-precision latent
 * weight ({@link WeightQuantizer}). Direct parameters: {@code weight} (the latent weight) and, when the catalog layer
 * has one, {@code bias} (kept in full precision, as BatchNorm is). The model's {@code ParameterIndex} lists them as
 * {@code <layer>.weight} and {@code <layer>.bias}.
 */
public final class QuantizedLayer extends AbstractBlock {

    private final WeightGeometry geometry;
    private final int weightBits;
    private final Parameter weight;
    private final Parameter bias;

    /** @param weightBits W, 1 to 16 (16 = full precision) */
    public QuantizedLayer(WeightGeometry geometry, boolean hasBias, int weightBits, Initializer weightInit) {
        if (weightBits < 1 || weightBits > WeightQuantizer.FULL_PRECISION_BITS) {
            throw new IllegalArgumentException("Weight bits must lie in [1, 16], got " + weightBits);
        }
        this.geometry = geometry;
        this.weightBits = weightBits;
        this.weight = addParameter(geometry.weightParameter(weightInit, true));
        this.bias = hasBias ? addParameter(geometry.biasParameter()) : null;
    }

    /** A W-bit square 2-D convolution for a catalog conv layer. */
    public static QuantizedLayer conv(Conv2dLayer layer, int weightBits, Initializer weightInit) {
        return new QuantizedLayer(WeightGeometry.conv(layer), layer.bias(), weightBits, weightInit);
    }

    /** A W-bit fully connected layer for a catalog linear layer. */
    public static QuantizedLayer linear(LinearLayer layer, int weightBits, Initializer weightInit) {
        return new QuantizedLayer(
                WeightGeometry.linear(layer.inFeatures(), layer.outFeatures()), layer.bias(), weightBits, weightInit);
    }

    public int weightBits() {
        return weightBits;
    }

    public Parameter weight() {
        return weight;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray latent = store.getValue(weight, x.getDevice(), training);
        NDArray local = Scopes.local(x.getManager(), latent);
        NDArray b = bias == null ? null : store.getValue(bias, x.getDevice(), training);
        return geometry.apply(x, WeightQuantizer.quantize(local, weightBits), b);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {geometry.outputShape(inputShapes[0])};
    }

    @Override
    public String toString() {
        return "QuantizedLayer(" + geometry + ", W=" + weightBits + ")";
    }
}
