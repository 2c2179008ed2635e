package io.spikelot.pipeline.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decision D11: values, codes, scales and straight-through gradients. */
class WeightQuantizerTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        Engine.getInstance().setRandomSeed(3);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void oneBitIsTheSignTimesTheMeanMagnitude() {
        NDArray w = manager.create(new float[] {0.5f, -1f, 0f, -0.1f});
        float[] q = WeightQuantizer.quantize(w, 1).toFloatArray();

        // mean|w| = 0.4; sign(0) = +1
        assertThat(q).containsExactly(new float[] {0.4f, -0.4f, 0.4f, -0.4f}, within(1e-6f));
        assertThat(WeightQuantizer.encode(w, 1).codes().toFloatArray()).containsExactly(1f, -1f, 1f, -1f);
        assertThat(WeightQuantizer.encode(w, 1).scale().getFloat()).isCloseTo(0.4f, within(1e-6f));
    }

    @Test
    void fourBitsUseTheMaxAbsStepWhenItIsTheFinerOne() {
        // n = 7; max|w| = 0.7 gives Δ = 0.1; 2·mean|w|/√7 = 2·0.3/2.6458 = 0.2268 is coarser
        NDArray w = manager.create(new float[] {0.7f, -0.26f, 0.04f, -0.2f});
        float[] q = WeightQuantizer.quantize(w, 4).toFloatArray();

        assertThat(q).containsExactly(new float[] {0.7f, -0.3f, 0f, -0.2f}, within(1e-6f));
        assertThat(WeightQuantizer.encode(w, 4).codes().toFloatArray()).containsExactly(7f, -3f, 0f, -2f);
        assertThat(WeightQuantizer.encode(w, 4).scale().getFloat()).isCloseTo(0.1f, within(1e-7f));
    }

    @Test
    void twoBitsClipTheTailsWithTheMeanBasedStep() {
        // n = 1; max|w| = 2 would zero everything but the outlier; 2·mean|w| = 2·0.65 = 1.3 is finer
        NDArray w = manager.create(new float[] {2f, 0.2f, -0.3f, 0.1f});
        float[] q = WeightQuantizer.quantize(w, 2).toFloatArray();

        assertThat(WeightQuantizer.encode(w, 2).scale().getFloat()).isCloseTo(1.3f, within(1e-6f));
        assertThat(q).containsExactly(new float[] {1.3f, 0f, 0f, 0f}, within(1e-6f));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 8, 12})
    void aLayerHoldsAtMostTwoToTheWValuesAndCodesTimesScaleIsTheWeight(int bits) {
        NDArray w = manager.randomNormal(0f, 0.1f, new Shape(64, 32, 3, 3), ai.djl.ndarray.types.DataType.FLOAT32);
        float[] q = WeightQuantizer.quantize(w, bits).toFloatArray();
        float[] codes = WeightQuantizer.encode(w, bits).codes().toFloatArray();
        float scale = WeightQuantizer.encode(w, bits).scale().getFloat();

        Set<Float> distinct = new HashSet<>();
        for (int i = 0; i < q.length; i++) {
            distinct.add(q[i]);
            assertThat(codes[i]).isEqualTo((float) Math.rint(codes[i]));
            assertThat(Math.abs(codes[i])).isLessThanOrEqualTo(Math.max(1, WeightQuantizer.levelsPerSide(bits)));
            assertThat(q[i]).isCloseTo(codes[i] * scale, within(1e-6f));
        }
        assertThat(distinct.size()).isLessThanOrEqualTo(1 << bits).isGreaterThan(1);
    }

    @Test
    void sixteenBitsIsTheFullPrecisionWeight() {
        NDArray w = manager.create(new float[] {0.123456f, -7.5f});
        assertThat(WeightQuantizer.quantize(w, 16).toFloatArray()).containsExactly(0.123456f, -7.5f);
    }

    @Test
    void gradientPassesStraightThroughInsideTheClipRangeAndStopsOutside() {
        // 2 bits: Δ = 2·mean|w| = 1.3, clip range [−1.3, 1.3]; 2.0 lies outside
        NDArray w = manager.create(new float[] {2f, 0.2f, -0.3f, 0.1f});
        w.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray q = WeightQuantizer.quantize(w, 2);
            collector.backward(
                    q.mul(manager.create(new float[] {1f, 2f, 3f, 4f})).sum());
        }
        assertThat(w.getGradient().toFloatArray()).containsExactly(0f, 2f, 3f, 4f);
    }

    @Test
    void oneBitGradientIsTheIdentity() {
        NDArray w = manager.create(new float[] {0.5f, -1f});
        w.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(WeightQuantizer.quantize(w, 1).sum());
        }
        assertThat(w.getGradient().toFloatArray()).containsExactly(1f, 1f);
    }
}
