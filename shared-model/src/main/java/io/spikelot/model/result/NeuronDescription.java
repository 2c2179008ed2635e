package io.spikelot.model.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The neuron of a {@code model.json}: {@code {"kind": "relu"}} for an ANN, or a LIF neuron with its dynamics
 * (ALGORITHMS.md §1) and, for QSNN, its spike bits. Absent fields are left out of the JSON.
 *
 * @param kind {@code lif} or {@code relu}
 * @param tau membrane time constant τ
 * @param threshold firing threshold V_th
 * @param reset {@code hard} or {@code soft}
 * @param decayInput whether the input current is scaled by 1/τ
 * @param detachReset whether the reset carries no gradient
 * @param surrogate the surrogate gradient's name ({@code sigmoid}, {@code atan})
 * @param surrogateAlpha its sharpness α
 * @param spikeBits QSNN: S, spikes take levels 0…2^S − 1
 * @param spikeLevels QSNN: how a level is computed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NeuronDescription(
        String kind,
        Double tau,
        Double threshold,
        String reset,
        Boolean decayInput,
        Boolean detachReset,
        String surrogate,
        Double surrogateAlpha,
        Integer spikeBits,
        String spikeLevels) {

    /** The ReLU of an ANN counterpart. */
    public static NeuronDescription relu() {
        return new NeuronDescription("relu", null, null, null, null, null, null, null, null, null);
    }

    /** This LIF neuron emitting S-bit spikes. */
    public NeuronDescription withSpikeBits(int bits) {
        return new NeuronDescription(
                kind,
                tau,
                threshold,
                reset,
                decayInput,
                detachReset,
                surrogate,
                surrogateAlpha,
                bits,
                "level = clip(floor(H / threshold), 0, 2^S - 1); output = level * threshold");
    }
}
