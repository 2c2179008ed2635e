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
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LIF traces from ALGORITHMS.md §8: one neuron, constant input, four steps. */
class LifNeuronTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private LifTrace run(LifConfig config, float input) {
        NDArray x = manager.full(new Shape(4, 1), input);
        return new LifNeuron(config, 4).simulate(x, true);
    }

    private static LifConfig config(double tau, ResetMode reset, boolean decayInput) {
        return new LifConfig(tau, 1.0, reset, 0.0, decayInput, true, new SigmoidSurrogate(4));
    }

    @Test
    void decayInputHardResetFiresEverySecondStep() {
        LifTrace trace = run(config(2, ResetMode.HARD, true), 1.5f);
        assertThat(trace.charges().toFloatArray()).containsExactly(0.75f, 1.125f, 0.75f, 1.125f);
        assertThat(trace.spikes().toFloatArray()).containsExactly(0f, 1f, 0f, 1f);
        assertThat(trace.potentials().toFloatArray()).containsExactly(0.75f, 0f, 0.75f, 0f);
    }

    @Test
    void withoutDecayInputTheNeuronSpikesEveryStep() {
        LifTrace trace = run(config(2, ResetMode.HARD, false), 1.5f);
        assertThat(trace.charges().toFloatArray()).containsExactly(1.5f, 1.5f, 1.5f, 1.5f);
        assertThat(trace.spikes().toFloatArray()).containsExactly(1f, 1f, 1f, 1f);
    }

    @Test
    void softResetSubtractsTheThreshold() {
        LifTrace trace = run(config(2, ResetMode.SOFT, true), 1.5f);
        assertThat(trace.charges().toFloatArray()).containsExactly(0.75f, 1.125f, 0.8125f, 1.15625f);
        assertThat(trace.spikes().toFloatArray()).containsExactly(0f, 1f, 0f, 1f);
        assertThat(trace.potentials().toFloatArray()).containsExactly(0.75f, 0.125f, 0.8125f, 0.15625f);
    }

    @Test
    void kimNeuronWithTauFourThirds() {
        LifTrace trace = run(LifConfig.kim(), 1.2f);
        float[] h = trace.charges().toFloatArray();
        assertThat(h[0]).isCloseTo(0.9f, within(1e-6f));
        assertThat(h[1]).isCloseTo(1.125f, within(1e-6f));
        assertThat(h[2]).isCloseTo(0.9f, within(1e-6f));
        assertThat(h[3]).isCloseTo(1.125f, within(1e-6f));
        assertThat(trace.spikes().toFloatArray()).containsExactly(0f, 1f, 0f, 1f);
    }

    @Test
    void aNeuronExactlyAtThresholdFires() {
        LifConfig noDecay = config(2, ResetMode.HARD, false);
        LifTrace trace = run(noDecay, 1.0f);
        assertThat(trace.spikes().toFloatArray()).containsExactly(1f, 1f, 1f, 1f);
    }

    @Test
    void stateIsResetBetweenForwardCalls() {
        LifNeuron neuron = new LifNeuron(config(2, ResetMode.HARD, true), 2);
        NDArray x = manager.full(new Shape(2, 1), 1.5f);
        ParameterStore store = new ParameterStore(manager, false);
        float[] first =
                neuron.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
        float[] second =
                neuron.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
        assertThat(second).containsExactly(first);
        assertThat(neuron.lastFiringRate().rate()).isEqualTo(0.5);
    }

    @Test
    void gradientFlowsThroughTheChargeButNotTheDetachedReset() {
        // two steps, no spike at t=0: dS1/dX0 = g'(H1 - 1) · λ · γ and dS0/dX0 = g'(H0 - 1) · γ
        LifConfig cfg = config(2, ResetMode.HARD, true);
        NDArray x = manager.create(new float[] {0.5f, 0.0f}, new Shape(2, 1));
        x.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray s = new LifNeuron(cfg, 2).simulate(x, false).spikes();
            collector.backward(s.sum());
        }
        double h0 = 0.25;
        double h1 = 0.5 * h0;
        Surrogate g = cfg.surrogate();
        double expectedX0 = g.derivative(h0 - 1) * 0.5 + g.derivative(h1 - 1) * 0.5 * 0.5;
        double expectedX1 = g.derivative(h1 - 1) * 0.5;
        float[] grad = x.getGradient().toFloatArray();
        assertThat((double) grad[0]).isCloseTo(expectedX0, within(1e-6));
        assertThat((double) grad[1]).isCloseTo(expectedX1, within(1e-6));
    }

    @Test
    void detachedResetMatchesAPlainBackpropagationThroughTime() {
        for (ResetMode reset : ResetMode.values()) {
            for (boolean decayInput : new boolean[] {true, false}) {
                assertMatchesReference(new LifConfig(2.0, 1.0, reset, 0.0, decayInput, true, new SigmoidSurrogate(4)));
            }
        }
        assertMatchesReference(new LifConfig(1.5, 0.7, ResetMode.HARD, -0.2, true, true, new AtanSurrogate(2)));
    }

    /** Spikes and dL/dX of L = Σ w·S over T = 5 steps and 64 neurons, against a scalar loop in double precision. */
    private void assertMatchesReference(LifConfig cfg) {
        int steps = 5;
        int neurons = 64;
        Random random = new Random(7);
        float[] input = new float[steps * neurons];
        float[] weights = new float[steps * neurons];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) (random.nextGaussian() * 1.5 + 0.6);
            weights[i] = (float) random.nextGaussian();
        }
        NDArray x = manager.create(input, new Shape(steps, neurons));
        x.setRequiresGradient(true);
        float[] spikes;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray s = new LifNeuron(cfg, steps).simulate(x, false).spikes();
            spikes = s.toFloatArray();
            collector.backward(
                    s.mul(manager.create(weights, new Shape(steps, neurons))).sum());
        }
        float[] grad = x.getGradient().toFloatArray();
        double lambda = cfg.decay();
        double gamma = cfg.inputGain();
        for (int n = 0; n < neurons; n++) {
            double[] h = new double[steps];
            boolean[] fired = new boolean[steps];
            double v = cfg.initialPotential();
            for (int t = 0; t < steps; t++) {
                h[t] = lambda * v + gamma * input[t * neurons + n] + cfg.restingDrive();
                fired[t] = h[t] >= cfg.vThreshold();
                assertThat(spikes[t * neurons + n])
                        .as("%s t=%d n=%d", cfg, t, n)
                        .isEqualTo(fired[t] ? 1f : 0f);
                if (cfg.reset() == ResetMode.SOFT) {
                    v = fired[t] ? h[t] - cfg.vThreshold() : h[t];
                } else {
                    v = fired[t] ? cfg.vReset() : h[t];
                }
            }
            double fromLater = 0; // dL/dV_t, carried back from H_{t+1}
            for (int t = steps - 1; t >= 0; t--) {
                double throughReset = cfg.reset() == ResetMode.SOFT || !fired[t] ? 1 : 0;
                double dh = weights[t * neurons + n] * cfg.surrogate().derivative(h[t] - cfg.vThreshold())
                        + fromLater * throughReset;
                assertThat((double) grad[t * neurons + n])
                        .as("%s dL/dX t=%d n=%d", cfg, t, n)
                        .isCloseTo(dh * gamma, within(1e-5));
                fromLater = dh * lambda;
            }
        }
    }
}
