package io.spikelot.model.spec;

import java.util.Objects;

/**
 * The LIF neuron settings every spiking model shares. In JSON they are fields of the {@code model} object itself
 * ({@code model.tau}, not {@code model.lif.tau}): {@link ModelSettings} and {@link QsnnModelSettings} unwrap them.
 *
 * @param tau membrane time constant τ
 * @param threshold firing threshold V_th
 * @param reset how the membrane is reset after a spike
 * @param decayInput whether the input current is scaled by 1/τ
 * @param detachReset whether the reset spike carries no gradient
 * @param surrogate the surrogate gradient of the spike
 * @param surrogateAlpha the surrogate's sharpness α
 */
public record LifSettings(
        double tau,
        double threshold,
        ResetMode reset,
        boolean decayInput,
        boolean detachReset,
        SurrogateKind surrogate,
        double surrogateAlpha) {

    public LifSettings {
        Objects.requireNonNull(reset, "model.reset is required");
        Objects.requireNonNull(surrogate, "model.surrogate is required");
    }

    /**
     * τ = 2, V_th = 1, hard reset, the whole input charged (no 1/τ input scale: with it, spiking tickets starve at
     * 5–7% firing rates and lose 2.2 points; the README's ticket benchmark), detached reset (as Spikformer, SEW-ResNet
     * and Kim et al. do), sigmoid surrogate with α = 4.
     */
    public static LifSettings defaults() {
        return new LifSettings(2.0, 1.0, ResetMode.HARD, false, true, SurrogateKind.SIGMOID, 4.0);
    }

    /** Kim et al.'s neuron, the {@code imp} defaults: τ = 4/3, V_th = 1, hard detached reset, ATan with α = 2. */
    public static LifSettings kim() {
        return new LifSettings(4.0 / 3.0, 1.0, ResetMode.HARD, true, true, SurrogateKind.ATAN, 2.0);
    }

    public LifSettings withReset(ResetMode reset) {
        return new LifSettings(tau, threshold, reset, decayInput, detachReset, surrogate, surrogateAlpha);
    }

    public LifSettings withThreshold(double threshold) {
        return new LifSettings(tau, threshold, reset, decayInput, detachReset, surrogate, surrogateAlpha);
    }

    public LifSettings withDecayInput(boolean decayInput) {
        return new LifSettings(tau, threshold, reset, decayInput, detachReset, surrogate, surrogateAlpha);
    }

    public LifSettings withDetachReset(boolean detachReset) {
        return new LifSettings(tau, threshold, reset, decayInput, detachReset, surrogate, surrogateAlpha);
    }
}
