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

    /** The QSNN paper's neuron (Eq. 1, 6, 7): no input decay, hard reset to 0, detached, τ = 2, V_th = 1. */
    private static LifConfig paper() {
        return new LifConfig(2.0, 1.0, ResetMode.HARD, 0.0, false, true, new SigmoidSurrogate(4));
    }

    @Test
    void thePapersNeuronChargesTheWholeInputAndResetsToZero() {
        // v_t = v_{t−1}/2 + x with x = 0.75: H = 0.75 (no spike), 0.375 + 0.75 = 1.125 → level 1 and V = 0, then 0.75
        // again; with the input scaled by 1/τ (decay_input) H would stay below 0.75 and never fire
        NDArray x = manager.full(new Shape(3, 1), 0.75f);
        LifTrace trace = new LifNeuron(paper(), 3, 2).simulate(x, true);

        assertThat(trace.charges().toFloatArray()).containsExactly(0.75f, 1.125f, 0.75f);
        assertThat(trace.spikes().toFloatArray()).containsExactly(0f, 1f, 0f);
        assertThat(trace.potentials().toFloatArray()).containsExactly(0.75f, 0f, 0.75f);
    }

    @Test
    void levelsFollowTheFloorOfTheChargeUpToTwoToTheSMinusOne() {
        // one step, input x: level = clip(floor(x / V_th), 0, 2^S − 1), worked per S
        float[] inputs = {0.99f, 1f, 2.5f, 3.99f, 17f, 70_000f};
        float[][] expected = {
            {0, 1, 1, 1, 1, 1}, // S = 1: 2^1 − 1 = 1
            {0, 1, 2, 3, 3, 3}, // S = 2: cap 3
            {0, 1, 2, 3, 15, 15}, // S = 4: cap 15
            {0, 1, 2, 3, 17, 65_535} // S = 16: cap 65,535
        };
        int[] bits = {1, 2, 4, 16};
        for (int b = 0; b < bits.length; b++) {
            NDArray x = manager.create(inputs, new Shape(1, inputs.length));
            float[] levels = new LifNeuron(paper(), 1, bits[b])
                    .simulate(x, true)
                    .spikes()
                    .toFloatArray();
            assertThat(levels).as("S = " + bits[b]).containsExactly(expected[b]);
        }
    }

    @Test
    void sixteenBitSpikesHaveGradientsAtTheLevelBoundaries() {
        Surrogate surrogate = new SigmoidSurrogate(4);
        // at a boundary H = k the two nearest steps are k and k + 1: g'(0) + g'(−1)
        float[] points = {1f, 1000f, 65_534f};
        NDArray h = manager.create(points);
        h.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(MultiLevelSpike.fire(h, 1.0, 65_535, surrogate).sum());
        }
        float[] grad = h.getGradient().toFloatArray();
        double expected = surrogate.derivative(0) + surrogate.derivative(-1);
        for (int i = 0; i < points.length; i++) {
            assertThat((double) grad[i]).as("dS/dH at " + points[i]).isCloseTo(expected, within(1e-5));
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
