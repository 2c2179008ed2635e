package io.spikelot.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import io.spikelot.pipeline.tensor.HostArrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AlignedConvolutionTest {

    private static final Random RANDOM = new Random(7);

    @Test
    void matchesADirectConvolutionWithUnalignedChannels() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // 20 inputs and 24 outputs: both padded to 32
            Case c = new Case(2, 20, 24, 6, 3, 1, 1);
            NDArray x = HostArrays.floats(manager, c.x, new Shape(c.n, c.in, c.size, c.size));
            NDArray w = HostArrays.floats(manager, c.w, new Shape(c.out, c.in, c.k, c.k));
            NDArray b = HostArrays.floats(manager, c.b);
            NDArray y = AlignedConvolution.conv2d(x, w, b, new Shape(c.stride, c.stride), new Shape(c.pad, c.pad));
            assertThat(y.getShape()).isEqualTo(new Shape(c.n, c.out, c.outSize(), c.outSize()));
            assertClose(y.toFloatArray(), c.forward());
        }
    }

    @Test
    void stridedWithoutPaddingToo() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Case c = new Case(3, 12, 8, 7, 3, 2, 0);
            NDArray y = AlignedConvolution.conv2d(
                    HostArrays.floats(manager, c.x, new Shape(c.n, c.in, c.size, c.size)),
                    HostArrays.floats(manager, c.w, new Shape(c.out, c.in, c.k, c.k)),
                    null,
                    new Shape(c.stride, c.stride),
                    new Shape(c.pad, c.pad));
            assertThat(y.getShape()).isEqualTo(new Shape(c.n, c.out, c.outSize(), c.outSize()));
            assertClose(y.toFloatArray(), c.withoutBias().forward());
        }
    }

    @Test
    void gradientsMatchTheDirectConvolution() {
        Case c = new Case(2, 20, 24, 5, 3, 1, 1);
        float[] upstream = c.random(c.n * c.out * c.outSize() * c.outSize());
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = HostArrays.floats(manager, c.x, new Shape(c.n, c.in, c.size, c.size));
            NDArray w = HostArrays.floats(manager, c.w, new Shape(c.out, c.in, c.k, c.k));
            x.setRequiresGradient(true);
            w.setRequiresGradient(true);
            NDArray g = HostArrays.floats(manager, upstream, new Shape(c.n, c.out, c.outSize(), c.outSize()));
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDArray y = AlignedConvolution.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 1));
                collector.backward(y.mul(g).sum());
            }
            float[][] expected = c.gradients(upstream);
            assertClose(x.getGradient().toFloatArray(), expected[0]);
            assertClose(w.getGradient().toFloatArray(), expected[1]);
        }
    }

    @Test
    void padsParametersInTheBatchScopeNotTheModels() {
        try (NDManager model = NDManager.newBaseManager()) {
            NDArray w = model.randomNormal(new Shape(24, 20, 3, 3));
            NDArray b = model.zeros(new Shape(24));
            int before = model.getManagedArrays().size();
            try (NDManager batch = model.newSubManager()) {
                NDArray x = batch.randomNormal(new Shape(2, 20, 5, 5));
                AlignedConvolution.conv2d(x, w, b, new Shape(1, 1), new Shape(1, 1));
            }
            assertThat(model.getManagedArrays()).hasSize(before);
        }
    }

    /**
     * The failure the padding avoids: with freed memory full of NaN (what a long-running process's heap can hold),
     * libtorch's own convolution of 24 channels returned NaN in some rounds on an AVX-512 machine. The aligned one
     * must never, on any machine.
     */
    @Test
    void staysFiniteWhenFreedMemoryHoldsNaN() {
        int plainRoundsWithNaN = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int round = 0; round < 20; round++) {
                try (NDManager scope = manager.newSubManager()) {
                    for (long size : new long[] {16L * 32 * 28 * 28, 48L * 32 * 9, 16L * 48 * 28 * 28}) {
                        scope.full(new Shape(size), Float.NaN).close();
                    }
                    NDArray x = scope.randomUniform(0, 1, new Shape(16, 24, 28, 28))
                            .gt(0.5f)
                            .toType(DataType.FLOAT32, false);
                    NDArray w = scope.randomNormal(new Shape(48, 24, 3, 3));
                    NDArray plain = Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1))
                            .singletonOrThrow();
                    plainRoundsWithNaN += plain.isNaN().any().getBoolean() ? 1 : 0;
                    for (long size : new long[] {16L * 32 * 28 * 28, 48L * 32 * 9, 16L * 48 * 28 * 28}) {
                        scope.full(new Shape(size), Float.NaN).close();
                    }
                    NDArray aligned = AlignedConvolution.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 1));
                    assertThat(aligned.isNaN().countNonzero().getLong())
                            .as(
                                    "NaN in round %d (libtorch's own convolution had NaN in %d rounds so far)",
                                    round, plainRoundsWithNaN)
                            .isZero();
                }
            }
        }
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(1e-4f));
        }
    }

    /** A convolution problem with random data and its direct (six-loop) solution. */
    private static final class Case {
        final int n, in, out, size, k, stride, pad;
        final float[] x, w;
        float[] b;

        Case(int n, int in, int out, int size, int k, int stride, int pad) {
            this.n = n;
            this.in = in;
            this.out = out;
            this.size = size;
            this.k = k;
            this.stride = stride;
            this.pad = pad;
            x = random(n * in * size * size);
            w = random(out * in * k * k);
            b = random(out);
        }

        Case withoutBias() {
            b = new float[out];
            return this;
        }

        float[] random(int length) {
            float[] values = new float[length];
            for (int i = 0; i < length; i++) {
                values[i] = (float) RANDOM.nextGaussian();
            }
            return values;
        }

        int outSize() {
            return (size + 2 * pad - k) / stride + 1;
        }

        float[] forward() {
            int s = outSize();
            float[] y = new float[n * out * s * s];
            forEachTap((yi, xi, wi, o) -> y[yi] += x[xi] * w[wi]);
            for (int i = 0; i < y.length; i++) {
                y[i] += b[(i / (s * s)) % out];
            }
            return y;
        }

        /** d(Σ y ⊙ g)/dx and /dw. */
        float[][] gradients(float[] g) {
            float[] dx = new float[x.length];
            float[] dw = new float[w.length];
            forEachTap((yi, xi, wi, o) -> {
                dx[xi] += w[wi] * g[yi];
                dw[wi] += x[xi] * g[yi];
            });
            return new float[][] {dx, dw};
        }

        private interface Tap {
            void at(int yIndex, int xIndex, int wIndex, int o);
        }

        private void forEachTap(Tap tap) {
            int s = outSize();
            for (int b0 = 0; b0 < n; b0++) {
                for (int o = 0; o < out; o++) {
                    for (int oy = 0; oy < s; oy++) {
                        for (int ox = 0; ox < s; ox++) {
                            int yi = ((b0 * out + o) * s + oy) * s + ox;
                            for (int c = 0; c < in; c++) {
                                for (int ky = 0; ky < k; ky++) {
                                    for (int kx = 0; kx < k; kx++) {
                                        int iy = oy * stride - pad + ky;
                                        int ix = ox * stride - pad + kx;
                                        if (iy < 0 || ix < 0 || iy >= size || ix >= size) {
                                            continue;
                                        }
                                        tap.at(
                                                yi,
                                                ((b0 * in + c) * size + iy) * size + ix,
                                                ((o * in + c) * k + ky) * k + kx,
                                                o);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
