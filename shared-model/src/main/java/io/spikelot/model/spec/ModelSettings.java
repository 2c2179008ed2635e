package io.spikelot.model.spec;

/**
 * The {@code model} object of a job spec.
 *
 * @param architecture catalog name ({@code convnet-s}, {@code vgg9}, {@code resnet19}, {@code spikformer-*}, ...)
 * @param neuron {@code lif} (spiking) or {@code relu} (the ANN counterpart, T = 1)
 * @param timesteps T, 1 to 64
 * @param tau membrane time constant τ
 * @param threshold firing threshold V_th
 * @param reset {@code hard} or {@code soft}
 * @param decayInput whether the input current is scaled by 1/τ
 * @param detachReset whether the reset spike carries no gradient
 * @param surrogate {@code sigmoid} or {@code atan}
 * @param surrogateAlpha the surrogate's sharpness α
 */
public record ModelSettings(
        String architecture,
        String neuron,
        int timesteps,
        double tau,
        double threshold,
        String reset,
        boolean decayInput,
        boolean detachReset,
        String surrogate,
        double surrogateAlpha) {}
