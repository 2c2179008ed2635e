package io.spikelot.pipeline.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.spikelot.model.arch.Conv2dLayer;

/**
 * An ordinary trainable conv layer, as DJL's {@code Conv2d} builds it (parameters {@code weight} and optional
 * {@code bias}, with the types' default initializers), computed by {@link AlignedConvolution}.
 */
final class DenseConv2d extends AbstractBlock {

    private final WeightGeometry geometry;
    private final Parameter weight;
    private final Parameter bias;

    DenseConv2d(Conv2dLayer layer) {
        geometry = WeightGeometry.conv(layer);
        weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(geometry.weightShape())
                .build());
        bias = layer.bias() ? addParameter(geometry.biasParameter()) : null;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray b = bias == null ? null : store.getValue(bias, x.getDevice(), training);
        return geometry.apply(x, w, b);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {geometry.outputShape(inputShapes[0])};
    }
}
