package io.spikelot.model.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.spikelot.model.spec.LifSettings;
import io.spikelot.model.spec.NeuronKind;
import io.spikelot.model.spec.ResetMode;
import io.spikelot.model.spec.SurrogateKind;

/**
 * The neuron of a {@code model.json}: {@code {"kind": "relu"}} for an ANN, or a LIF neuron with its dynamics
 * (ALGORITHMS.md §1) and, for QSNN, its spike bits. Absent fields are left out of the JSON.
 *
 * @param kind the neuron kind
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
        NeuronKind kind,
        Double tau,
        Double threshold,
        ResetMode reset,
        Boolean decayInput,
        Boolean detachReset,
        SurrogateKind surrogate,
        Double surrogateAlpha,
        Integer spikeBits,
        String spikeLevels) {

    /** A neuron without dynamics: the ReLU of an ANN counterpart. */
    public static NeuronDescription of(NeuronKind kind) {
        return new NeuronDescription(kind, null, null, null, null, null, null, null, null, null);
    }

    /** A LIF neuron with {@code lif}'s dynamics. */
    public static NeuronDescription lif(LifSettings lif) {
        return new NeuronDescription(
                NeuronKind.LIF,
                lif.tau(),
                lif.threshold(),
                lif.reset(),
                lif.decayInput(),
                lif.detachReset(),
                lif.surrogate(),
                lif.surrogateAlpha(),
                null,
                null);
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
