package io.spikelot.pipeline.neuron;

import io.spikelot.model.spec.ResetMode;

/**
 * Parameters of a multi-step LIF neuron, covering every convention in ALGORITHMS.md §1.1 as {@code H = λ·V + γ·X}
 * with {@code λ = 1 − 1/τ} and {@code γ = 1/τ} ({@code decayInput}) or {@code γ = 1}.
 *
 * @param tau membrane time constant τ > 1 (SpikingJelly convention)
 * @param vThreshold firing threshold V_th
 * @param reset hard or soft reset
 * @param vReset the hard-reset potential (also the initial potential); ignored for soft reset
 * @param decayInput whether the input current is scaled by 1/τ
 * @param detachReset whether the spike used in the reset carries no gradient
 * @param surrogate the surrogate gradient of the spike
 */
public record LifConfig(
        double tau,
        double vThreshold,
        ResetMode reset,
        double vReset,
        boolean decayInput,
        boolean detachReset,
        Surrogate surrogate) {

    public LifConfig {
        if (!(tau > 1)) {
            throw new IllegalArgumentException("LIF tau must be > 1, was " + tau);
        }
        if (!(vThreshold > 0)) {
            throw new IllegalArgumentException("LIF threshold must be > 0, was " + vThreshold);
        }
        if (reset == null || surrogate == null) {
            throw new IllegalArgumentException("LIF reset mode and surrogate are required");
        }
    }

    /** Spikformer's LIF: τ = 2, V_th = 1, hard reset to 0, decay_input, detached reset, Sigmoid(4). */
    public static LifConfig spikformer() {
        return new LifConfig(2.0, 1.0, ResetMode.HARD, 0.0, true, true, new SigmoidSurrogate(4.0));
    }

    /** Kim et al.'s LIF: τ = 4/3 (λ = 0.25), V_th = 1, hard reset to 0, decay_input, detached reset, ATan(2). */
    public static LifConfig kim() {
        return new LifConfig(4.0 / 3.0, 1.0, ResetMode.HARD, 0.0, true, true, new AtanSurrogate(2.0));
    }

    /** The same neuron with another threshold (Spikformer's attention LIF uses 0.5). */
    public LifConfig withThreshold(double threshold) {
        return new LifConfig(tau, threshold, reset, vReset, decayInput, detachReset, surrogate);
    }

    /** The leak factor λ = 1 − 1/τ. */
    public double decay() {
        return 1.0 - 1.0 / tau;
    }

    /** The input gain γ. */
    public double inputGain() {
        return decayInput ? 1.0 / tau : 1.0;
    }

    /** The potential a neuron starts every batch with. */
    public double initialPotential() {
        return reset == ResetMode.HARD ? vReset : 0.0;
    }

    /** The constant V_reset/τ that the leak towards V_reset adds to the charge each step (0 for soft reset). */
    public double restingDrive() {
        return reset == ResetMode.HARD ? vReset / tau : 0.0;
    }
}
