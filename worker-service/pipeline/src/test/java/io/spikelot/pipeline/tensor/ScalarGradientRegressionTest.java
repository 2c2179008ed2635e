package io.spikelot.pipeline.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Regression for the DJL 0.35 / PyTorch CPU bug behind {@link Scalars}: {@code NDArray.mul(Number)} wraps the scalar
 * in a tensor over a Java direct buffer; when a GC frees that buffer before backward, d(3x)/dx reads garbage.
 */
class ScalarGradientRegressionTest {

    private static final int TRIES = 40;

    /** Counts tries where d(f(x))/dx ≠ 3 after GC churn between the forward and the backward pass. */
    private static int wrongGradients(UnaryOperator<NDArray> timesThree) {
        int wrong = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int i = 0; i < TRIES; i++) {
                try (NDManager batch = manager.newSubManager()) {
                    NDArray x = batch.ones(new Shape(4));
                    x.setRequiresGradient(true);
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray y = timesThree.apply(x);
                        churnDirectMemory();
                        collector.backward(y.sum());
                    }
                    if (x.getGradient().toFloatArray()[0] != 3f) {
                        wrong++;
                    }
                }
            }
        }
        return wrong;
    }

    /** Lets the GC free unreferenced direct buffers, then reuses that memory with other values. */
    private static void churnDirectMemory() {
        System.gc();
        List<ByteBuffer> reuse = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            b.putFloat(0, 12345f);
            reuse.add(b);
        }
        reuse.clear();
    }

    @Test
    void scalarsHelperAlwaysGivesTheRightGradient() {
        assertThat(wrongGradients(x -> Scalars.mul(x, 3))).isZero();
        assertThat(wrongGradients(x -> Scalars.div(x, 1.0 / 3))).isZero();
    }

    @Test
    void numberOverloadCorruptsGradients() {
        int wrong = wrongGradients(x -> x.mul(3f));
        System.out.printf("NDArray.mul(Number): wrong gradient in %d/%d tries%n", wrong, TRIES);
        // the corruption depends on GC timing; when this run happened to stay correct, say so instead of passing
        Assumptions.assumeTrue(
                wrong > 0, "mul(Number) stayed correct in " + TRIES + " tries this run; the bug did not reproduce");
        assertThat(wrong).isPositive();
    }
}
