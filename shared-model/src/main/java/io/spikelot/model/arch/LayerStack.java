package io.spikelot.model.arch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Appends layers while tracking the current per-sample shape, so definitions state only what they choose
 * (channels, kernels, names) and every shape follows from the input. Rejects a layer that does not fit with an
 * {@link ArchitectureMismatchException}. The first conv or linear of the top-level stack is the encoding layer.
 */
final class LayerStack {

    private final String architecture;
    private final InputShape input;
    private final List<Layer> layers = new ArrayList<>();
    private FeatureShape shape;
    private boolean encodingPending;

    private LayerStack(String architecture, InputShape input, FeatureShape shape, boolean encodingPending) {
        this.architecture = architecture;
        this.input = input;
        this.shape = shape;
        this.encodingPending = encodingPending;
    }

    static LayerStack forInput(String architecture, InputShape input) {
        return new LayerStack(architecture, input, input.asFeatureShape(), true);
    }

    /** A stack for a sub-path (residual body, attention branch) that starts at the current shape. */
    LayerStack nested() {
        return new LayerStack(architecture, input, shape, false);
    }

    FeatureShape shape() {
        return shape;
    }

    List<Layer> layers() {
        return List.copyOf(layers);
    }

    LayerStack conv(String name, int out, int kernel, int stride, int padding, boolean bias) {
        return conv(name, out, kernel, stride, padding, bias, false);
    }

    LayerStack conv(String name, int out, int kernel, int stride, int padding, boolean bias, boolean convPep) {
        requireRank(name, 3);
        int h = spatialOut(name, shape.get(1), kernel, stride, padding);
        int w = spatialOut(name, shape.get(2), kernel, stride, padding);
        return add(new Conv2dLayer(
                name,
                shape.get(0),
                out,
                kernel,
                stride,
                padding,
                bias,
                claimEncoding(),
                convPep,
                shape,
                FeatureShape.of(out, h, w)));
    }

    LayerStack linear(String name, int out, boolean bias) {
        if (shape.rank() > 2) {
            throw mismatch(name, "is a feature map; flatten, pool or tokenize it before a linear layer");
        }
        List<Integer> dims = new ArrayList<>(shape.dims());
        dims.set(dims.size() - 1, out);
        return add(new LinearLayer(name, shape.last(), out, bias, claimEncoding(), shape, new FeatureShape(dims)));
    }

    LayerStack batchNorm(String name, boolean affine) {
        int channels = shape.rank() == 3 ? shape.get(0) : shape.last();
        return add(new BatchNormLayer(name, channels, affine, shape, shape));
    }

    LayerStack neuron(String name) {
        return neuron(name, 1.0);
    }

    LayerStack neuron(String name, double threshold) {
        return add(new NeuronLayer(name, threshold, shape, shape));
    }

    LayerStack maxPool(String name, int kernel, int stride, int padding) {
        return pool(name, PoolType.MAX, kernel, stride, padding);
    }

    LayerStack globalAvgPool(String name) {
        requireRank(name, 3);
        return add(new PoolLayer(name, PoolType.GLOBAL_AVG, 0, 0, 0, shape, FeatureShape.of(shape.get(0))));
    }

    LayerStack flatten(String name) {
        return add(new FlattenLayer(name, shape, FeatureShape.of(Math.toIntExact(shape.elements()))));
    }

    LayerStack tokens(String name) {
        requireRank(name, 3);
        FeatureShape out = FeatureShape.of(shape.get(1) * shape.get(2), shape.get(0));
        return add(new TokensLayer(name, shape, out));
    }

    LayerStack tokenMean(String name) {
        if (shape.rank() != 2) {
            throw mismatch(name, "is not a token sequence [N, D]");
        }
        return add(new TokenMeanLayer(name, shape, FeatureShape.of(shape.last())));
    }

    /** {@code after(body(x) + shortcut(x))}; a null shortcut or after means identity / nothing. */
    LayerStack residual(
            String name, Consumer<LayerStack> body, Consumer<LayerStack> shortcut, Consumer<LayerStack> after) {
        LayerStack main = nested();
        body.accept(main);
        LayerStack skip = nested();
        if (shortcut != null) {
            shortcut.accept(skip);
        }
        if (!main.shape.equals(skip.shape)) {
            throw mismatch(name, "has a body giving " + main.shape + " but a shortcut giving " + skip.shape);
        }
        LayerStack tail = main.nested();
        if (after != null) {
            after.accept(tail);
        }
        return add(new ResidualLayer(name, main.layers, skip.layers, tail.layers, shape, tail.shape));
    }

    /** Appends a composite built elsewhere from {@link #nested()} stacks; its input must be the current shape. */
    LayerStack append(Layer layer) {
        if (!layer.input().equals(shape)) {
            throw mismatch(layer.name(), "was built for input " + layer.input());
        }
        return add(layer);
    }

    ArchitectureMismatchException mismatch(String layer, String reason) {
        return new ArchitectureMismatchException(architecture, input, layer, shape, reason);
    }

    private LayerStack pool(String name, PoolType type, int kernel, int stride, int padding) {
        requireRank(name, 3);
        int h = spatialOut(name, shape.get(1), kernel, stride, padding);
        int w = spatialOut(name, shape.get(2), kernel, stride, padding);
        return add(new PoolLayer(name, type, kernel, stride, padding, shape, FeatureShape.of(shape.get(0), h, w)));
    }

    private int spatialOut(String name, int size, int kernel, int stride, int padding) {
        if (stride > 1 && size < stride) {
            throw mismatch(name, "is narrower than its stride " + stride + " and cannot be downsampled");
        }
        int out = Math.floorDiv(size + 2 * padding - kernel, stride) + 1;
        if (out < 1) {
            throw mismatch(name, "would produce an empty map (kernel " + kernel + ", stride " + stride + ")");
        }
        return out;
    }

    private void requireRank(String name, int rank) {
        if (shape.rank() != rank) {
            throw mismatch(name, "needs a rank-" + rank + " input");
        }
    }

    private boolean claimEncoding() {
        boolean encoding = encodingPending;
        encodingPending = false;
        return encoding;
    }

    private LayerStack add(Layer layer) {
        layers.add(layer);
        shape = layer.output();
        return this;
    }
}
