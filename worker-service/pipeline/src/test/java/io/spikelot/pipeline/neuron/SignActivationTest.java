package io.spikelot.pipeline.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** The binary activation's vectors (ALGORITHMS.md §3, §8): sign forward, Bi-Real's 2(1 − |x|) backward. */
class SignActivationTest {

    @Test
    void forwardIsPyTorchSignWithZeroAtZero() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray y = SignActivation.apply(manager.create(new float[] {-0.5f, 0f, 0.5f, -3f, 2f}));
            assertThat(y.toFloatArray()).containsExactly(-1f, 0f, 1f, -1f, 1f);
        }
    }

    @Test
    void backwardIsTheBiRealSpline() {
        float[] points = {-1.5f, -0.5f, 0f, 0.5f, 1.5f, 0.25f};
        float[] expected = {0f, 1f, 2f, 1f, 0f, 1.5f};
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(points);
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(SignActivation.apply(x).sum());
            }
            float[] grad = x.getGradient().toFloatArray();
            for (int i = 0; i < points.length; i++) {
                assertThat(grad[i]).as("d sign / dx at " + points[i]).isCloseTo(expected[i], within(1e-6f));
            }
        }
    }

    @Test
    void theBlockAppliesIt() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray out = SignActivation.block()
                    .forward(
                            new ParameterStore(manager, false),
                            new NDList(manager.create(new float[] {-2f, 0.1f})),
                            false)
                    .singletonOrThrow();
            assertThat(out.toFloatArray()).containsExactly(-1f, 1f);
        }
    }
}
