package io.spikelot.pipeline.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;
import io.spikelot.model.arch.Conv2dLayer;

/**
 * The shape and the forward op of a conv or linear layer whose weight a custom block computes (ticket search,
 * quantization): the block supplies the effective weight, the geometry applies it.
 */
public sealed interface WeightGeometry {

    /** {@code [out, in, k, k]} or {@code [out, in]}. */
    Shape weightShape();

    /** Applies {@code weight} and {@code bias} (may be null) to {@code x}. */
    NDList apply(NDArray x, NDArray weight, NDArray bias);

    /** The output shape for an input shape. */
    Shape outputShape(Shape input);

    /** A square 2-D convolution: {@code [N, in, H, W] → [N, out, H', W']}, H' = ⌊(H + 2·pad − k)/stride⌋ + 1. */
    static WeightGeometry conv(Conv2dLayer layer) {
        return new Convolution(
                layer.outChannels(), layer.inChannels(), layer.kernel(), layer.stride(), layer.padding());
    }

    /** A fully connected layer on the last axis: {@code [..., in] → [..., out]}. */
    static WeightGeometry linear(int inFeatures, int outFeatures) {
        return new Dense(inFeatures, outFeatures);
    }

    /** The {@code weight} parameter of this shape; frozen when not {@code trainable}. */
    default Parameter weightParameter(Initializer init, boolean trainable) {
        return Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(weightShape())
                .optInitializer(init)
                .optRequiresGrad(trainable)
                .build();
    }

    /** The trainable {@code bias} parameter, one per output. */
    default Parameter biasParameter() {
        return Parameter.builder()
                .setName("bias")
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(weightShape().get(0)))
                .build();
    }

    /** See {@link #conv}. */
    record Convolution(int out, int in, int kernel, int stride, int padding) implements WeightGeometry {

        @Override
        public Shape weightShape() {
            return new Shape(out, in, kernel, kernel);
        }

        @Override
        public NDList apply(NDArray x, NDArray weight, NDArray bias) {
            return new NDList(
                    AlignedConvolution.conv2d(x, weight, bias, new Shape(stride, stride), new Shape(padding, padding)));
        }

        @Override
        public Shape outputShape(Shape input) {
            return new Shape(input.get(0), out, size(input.get(2)), size(input.get(3)));
        }

        private long size(long in) {
            return (in + 2L * padding - kernel) / stride + 1;
        }
    }

    /** See {@link #linear}. */
    record Dense(int in, int out) implements WeightGeometry {

        @Override
        public Shape weightShape() {
            return new Shape(out, in);
        }

        @Override
        public NDList apply(NDArray x, NDArray weight, NDArray bias) {
            return Linear.linear(x, weight, bias);
        }

        @Override
        public Shape outputShape(Shape input) {
            return input.slice(0, input.dimension() - 1).add(out);
        }
    }
}
