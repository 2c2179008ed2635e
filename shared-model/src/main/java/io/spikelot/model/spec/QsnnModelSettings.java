package io.spikelot.model.spec;

/**
 * The {@code model} object of a {@code qsnn} spec: an {@code slt} model without {@code neuron} and
 * {@code timesteps}, since a QSNN always spikes and takes T from each allocation.
 *
 * @param architecture catalog name ({@code convnet-s}, {@code vgg9}, {@code resnet19}, {@code spikformer-*}, ...)
 * @param tau membrane time constant τ
 * @param threshold firing threshold V_th
 * @param reset {@code soft} (the default for qsnn, decision D12) or {@code hard}
 * @param decayInput whether the input current is scaled by 1/τ
 * @param detachReset whether the reset spike carries no gradient
 * @param surrogate {@code sigmoid} or {@code atan}
 * @param surrogateAlpha the surrogate's sharpness α
 */
public record QsnnModelSettings(
        String architecture,
        double tau,
        double threshold,
        String reset,
        boolean decayInput,
        boolean detachReset,
        String surrogate,
        double surrogateAlpha) {

    /** The same settings as a spiking model of T timesteps. */
    public ModelSettings withTimesteps(int timesteps) {
        return new ModelSettings(
                architecture,
                "lif",
                timesteps,
                tau,
                threshold,
                reset,
                decayInput,
                detachReset,
                surrogate,
                surrogateAlpha);
    }
}
