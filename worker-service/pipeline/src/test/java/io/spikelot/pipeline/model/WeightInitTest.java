package io.spikelot.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Frozen-weight and score distributions of §2 for a conv weight [64, 8, 3, 3] (fan_in 72, σ = 1/6). */
class WeightInitTest {

    private static final Shape CONV = new Shape(64, 8, 3, 3);
    private static final double SIGMA = 1.0 / 6;

    @Test
    void kaimingStdUsesFanIn() {
        assertThat(WeightInit.std(CONV)).isCloseTo(SIGMA, within(1e-12));
        assertThat(WeightInit.std(new Shape(10, 50))).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void signedConstantIsPlusOrMinusSigmaWithBothSigns() {
        float[] w = sample(WeightInit.SIGNED_CONSTANT);
        long positive = 0;
        for (float v : w) {
            assertThat(Math.abs(v)).isCloseTo((float) SIGMA, within(1e-6f));
            positive += v > 0 ? 1 : 0;
        }
        assertThat(positive / (double) w.length).isBetween(0.45, 0.55);
    }

    @Test
    void kaimingNormalHasStdSigma() {
        float[] w = sample(WeightInit.KAIMING_NORMAL);
        double sumSq = 0;
        for (float v : w) {
            sumSq += v * v;
        }
        assertThat(Math.sqrt(sumSq / w.length)).isCloseTo(SIGMA, within(SIGMA * 0.05));
    }

    @Test
    void kaimingUniformIsBoundedBySqrt3Sigma() {
        float[] w = sample(WeightInit.KAIMING_UNIFORM);
        double bound = Math.sqrt(3) * SIGMA;
        double maxAbs = 0;
        for (float v : w) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        assertThat(maxAbs).isLessThanOrEqualTo(bound + 1e-6).isGreaterThan(bound * 0.95);
    }

    @Test
    void scoresAreUniformInOneOverSqrtFanIn() {
        Engine.getInstance().setRandomSeed(2);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray s = WeightInit.scores().initialize(m, CONV, DataType.FLOAT32);
            float bound = (float) (1 / Math.sqrt(72));
            assertThat(s.abs().max().getFloat()).isLessThanOrEqualTo(bound).isGreaterThan(bound * 0.95f);
        }
    }

    private static float[] sample(WeightInit init) {
        Engine.getInstance().setRandomSeed(1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = init.initialize(m, CONV, DataType.FLOAT32);
            assertThat(w.getShape()).isEqualTo(CONV);
            return w.toFloatArray();
        }
    }
}
