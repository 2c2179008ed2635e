package io.spikelot.pipeline.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.spikelot.model.spec.SurrogateKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Surrogate derivatives from ALGORITHMS.md §8, analytic and through autograd. */
class SurrogateTest {

    @ParameterizedTest
    @CsvSource({
        "sigmoid, 4, 0.0, 1.0",
        "sigmoid, 4, 0.5, 0.419974",
        "sigmoid, 4, -0.25, 0.786448",
        "atan, 2, 0.0, 1.0",
        "atan, 2, 0.5, 0.288400",
        "atan, 2, -0.25, 0.618486"
    })
    void derivativeMatchesTheReferenceVector(String name, double alpha, double x, double expected) {
        Surrogate surrogate = Surrogate.of(SurrogateKind.fromWireName(name), alpha);
        assertThat(surrogate.derivative(x)).isCloseTo(expected, within(1e-6));
    }

    @ParameterizedTest
    @CsvSource({"sigmoid, 4", "atan, 2"})
    void spikeIsAStepForwardAndTheSurrogateBackward(String name, double alpha) {
        Surrogate surrogate = Surrogate.of(SurrogateKind.fromWireName(name), alpha);
        float[] points = {0f, 0.5f, -0.25f, 1.5f};
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(points);
            x.setRequiresGradient(true);
            NDArray spikes;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                spikes = SpikeFunction.fire(x, surrogate);
                collector.backward(spikes.sum());
            }
            assertThat(spikes.toFloatArray()).containsExactly(1f, 1f, 0f, 1f);
            float[] grad = x.getGradient().toFloatArray();
            for (int i = 0; i < points.length; i++) {
                assertThat((double) grad[i]).isCloseTo(surrogate.derivative(points[i]), within(1e-5));
            }
        }
    }
}
