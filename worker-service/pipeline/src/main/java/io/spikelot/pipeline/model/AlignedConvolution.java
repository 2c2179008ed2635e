package io.spikelot.pipeline.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import io.spikelot.pipeline.tensor.Scopes;

/**
 * 2-D convolution with both channel counts padded with zeros to a multiple of 16, so that libtorch's CPU kernels
 * never see a partly filled channel block.
 *
 * <p>On the CPU, libtorch hands convolutions to oneDNN, which computes in channel blocks of 16 (8 without AVX-512)
 * and pads a partial block to full width. The padding lanes are meant to be zero; on this build (PyTorch 2.7.1,
 * AVX-512) they are not always: a convolution with 24 input channels returned NaN in a whole block of 16 output
 * channels for finite inputs and weights, deterministically once the process's heap held old data, and never in a
 * fresh process. Two garbage lanes that are both finite would instead add a silent error. The gradient with respect
 * to the input reduces over the output channels, so those are padded as well. The extra zeros are what oneDNN would
 * compute on anyway; the cost is one copy of the input and of the weight.
 *
 * <p>A layer with at most 3 input channels (an image or event input) is left as it is: oneDNN reads such an input
 * unblocked, and padding it to 16 would multiply the first layer's work.
 */
final class AlignedConvolution {

    /** The channel block of oneDNN's AVX-512 kernels, a multiple of the AVX2 one. */
    static final int BLOCK = 16;

    /** Inputs this narrow are read unblocked (oneDNN's first-layer kernels). */
    static final int UNBLOCKED_INPUT_CHANNELS = 3;

    private AlignedConvolution() {}

    /**
     * {@code conv2d(x, weight) + bias}, dilation 1, one group.
     *
     * @param x {@code [N, in, H, W]}
     * @param weight {@code [out, in, k, k]}
     * @param bias {@code [out]} or null
     * @return {@code [N, out, H', W']}
     */
    static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding) {
        Shape w = weight.getShape();
        long out = w.get(0);
        long in = w.get(1);
        long paddedIn = in <= UNBLOCKED_INPUT_CHANNELS ? in : roundUp(in);
        long paddedOut = roundUp(out);
        if (paddedIn == in && paddedOut == out) {
            return Conv2d.conv2d(x, weight, bias, stride, padding, new Shape(1, 1))
                    .singletonOrThrow();
        }
        // the padded copies go to the input's (per-batch) manager: an op on a parameter would land in the model's
        NDManager scope = x.getManager();
        NDArray input = x;
        NDArray kernel = weight;
        NDArray shift = bias;
        if (paddedIn > in) {
            Shape s = x.getShape();
            input = x.concat(scope.zeros(new Shape(s.get(0), paddedIn - in, s.get(2), s.get(3)), x.getDataType()), 1);
            kernel = Scopes.adopt(
                    scope,
                    kernel.concat(
                            scope.zeros(new Shape(out, paddedIn - in, w.get(2), w.get(3)), weight.getDataType()), 1));
        }
        if (paddedOut > out) {
            kernel = Scopes.adopt(
                    scope,
                    kernel.concat(
                            scope.zeros(new Shape(paddedOut - out, paddedIn, w.get(2), w.get(3)), weight.getDataType()),
                            0));
            if (shift != null) {
                shift = Scopes.adopt(
                        scope, shift.concat(scope.zeros(new Shape(paddedOut - out), bias.getDataType()), 0));
            }
        }
        NDArray y = Conv2d.conv2d(input, kernel, shift, stride, padding, new Shape(1, 1))
                .singletonOrThrow();
        return paddedOut > out ? y.get(new NDIndex(":, :{}", out)) : y;
    }

    private static long roundUp(long channels) {
        return (channels + BLOCK - 1) / BLOCK * BLOCK;
    }
}
