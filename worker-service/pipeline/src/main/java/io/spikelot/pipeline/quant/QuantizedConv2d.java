package io.spikelot.pipeline.quant;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import io.spikelot.model.arch.Conv2dLayer;

/**
 * A square 2-D convolution with a W-bit weight: {@code [N, in, H, W] → [N, out, H', W']},
 * {@code H' = ⌊(H + 2·padding − kernel)/stride⌋ + 1}; weight {@code [out, in, k, k]}.
 */
public final class QuantizedConv2d extends QuantizedLayer {

    private final Conv2dLayer layer;

    public QuantizedConv2d(Conv2dLayer layer, int weightBits, Initializer weightInit) {
        super(
                weightBits,
                new Shape(layer.outChannels(), layer.inChannels(), layer.kernel(), layer.kernel()),
                layer.bias(),
                weightInit);
        this.layer = layer;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = quantizedWeight(store, x.getManager(), x.getDevice(), training);
        Shape stride = new Shape(layer.stride(), layer.stride());
        Shape padding = new Shape(layer.padding(), layer.padding());
        return Conv2d.conv2d(x, w, bias(store, x.getDevice(), training), stride, padding, new Shape(1, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), layer.outChannels(), out(in.get(2)), out(in.get(3)))};
    }

    private long out(long size) {
        return (size + 2L * layer.padding() - layer.kernel()) / layer.stride() + 1;
    }
}
