package io.spikelot.pipeline.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.spikelot.model.spec.ResetMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** S-bit spikes (ALGORITHMS.md §6, D12) against the §8 vector and hand-computed surrogate sums. */
class MultiLevelSpikeTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private static LifConfig config(ResetMode reset) {
        return new LifConfig(2.0, 1.0, reset, 0.0, true, true, new SigmoidSurrogate(4));
    }

    @Test
    void twoBitSpikesWithSoftResetMatchTheReferenceVector() {
        // §8: S = 2, τ = 2, input 5: level 2 each step (the cap 3 is not reached); V = 0.5, 0.75, 0.875
        NDArray x = manager.full(new Shape(3, 1), 5f);
        LifTrace trace = new LifNeuron(config(ResetMode.SOFT), 3, 2).simulate(x, true);

        assertThat(trace.spikes().toFloatArray()).containsExactly(2f, 2f, 2f);
        assertThat(trace.charges().toFloatArray()).containsExactly(2.5f, 2.75f, 2.875f);
        assertThat(trace.potentials().toFloatArray()).containsExactly(0.5f, 0.75f, 0.875f);
    }

    @Test
    void levelsSaturateAtTwoToTheSMinusOneAndHardResetClearsTheMembrane() {
        NDArray x = manager.full(new Shape(2, 1), 20f);
        LifTrace trace = new LifNeuron(config(ResetMode.HARD), 2, 2).simulate(x, true);

        assertThat(trace.spikes().toFloatArray()).containsExactly(3f, 3f);
        assertThat(trace.potentials().toFloatArray()).containsExactly(0f, 0f);
    }

    @Test
    void oneBitIsTheOrdinarySpike() {
        NDArray x = manager.create(new float[] {1.5f, 1.5f, 1.5f, 1.5f}, new Shape(4, 1));
        float[] ordinary = new LifNeuron(config(ResetMode.SOFT), 4)
                .simulate(x, false)
                .spikes()
                .toFloatArray();
        float[] oneBit = new LifNeuron(config(ResetMode.SOFT), 4, 1)
                .simulate(x, false)
                .spikes()
                .toFloatArray();

        assertThat(oneBit).containsExactly(ordinary);
        assertThat(ordinary).containsExactly(0f, 1f, 0f, 1f);
    }

    @Test
    void outputIsTheLevelTimesTheThreshold() {
        NDArray h = manager.create(new float[] {-1f, 0.2f, 0.5f, 1.1f, 1.6f, 9f});
        float[] out = MultiLevelSpike.fire(h, 0.5, 3, new SigmoidSurrogate(4)).toFloatArray();

        assertThat(out).containsExactly(0f, 0f, 0.5f, 1.0f, 1.5f, 1.5f);
    }

    @Test
    void gradientIsTheThresholdTimesTheSurrogatesOfTheTwoNearestSteps() {
        Surrogate surrogate = new SigmoidSurrogate(4);
        double vth = 1.0;
        float[] points = {-0.6f, 0.3f, 1.4f, 2.7f, 3.2f, 5f};
        NDArray h = manager.create(points);
        h.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray out = MultiLevelSpike.fire(h, vth, 3, surrogate);
            collector.backward(out.sum());
        }
        float[] grad = h.getGradient().toFloatArray();

        for (int i = 0; i < points.length; i++) {
            double x = points[i];
            int lower = (int) Math.min(2, Math.max(1, Math.floor(x / vth)));
            double expected =
                    vth * (surrogate.derivative(x - lower * vth) + surrogate.derivative(x - (lower + 1) * vth));
            assertThat((double) grad[i]).as("dS/dH at %s", x).isCloseTo(expected, within(1e-5));
            // the steps left out are a threshold or more away: at most about 7% of the peak for Sigmoid(4)
            double full = 0;
            for (int k = 1; k <= 3; k++) {
                full += surrogate.derivative(x - k * vth);
            }
            assertThat((double) grad[i]).isCloseTo(full, within(0.075));
        }
    }

    @Test
    void firingRateCountsNonZeroEntriesAndTheMeanLevelSumsLevels() {
        NDArray x = manager.create(new float[] {5f, 0f, 5f, 0f}, new Shape(2, 2));
        LifNeuron neuron = new LifNeuron(config(ResetMode.SOFT), 2, 2);
        neuron.forward(new ParameterStore(manager, false), new NDList(x), false);

        FiringRate rate = neuron.lastFiringRate();
        assertThat(rate.rate()).isEqualTo(0.5);
        assertThat(rate.meanLevel()).isEqualTo(1.0);
    }
}
