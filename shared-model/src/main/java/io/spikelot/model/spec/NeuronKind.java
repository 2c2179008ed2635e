package io.spikelot.model.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The nonlinearity of a network: {@code model.neuron} of an {@code slt} or {@code imp} spec. */
public enum NeuronKind implements WireEnum {
    /** Leaky integrate-and-fire neurons: a spiking network over T timesteps. */
    LIF,
    /** ReLU: the ANN counterpart of edge-popup tickets (LT), always run with T = 1. */
    RELU,
    /**
     * sign(x) with Bi-Real's straight-through gradient: the binary activations of multi-prize tickets (MPLT, biprop's
     * MPT-1/1), T = 1.
     */
    SIGN;

    /** Whether the network spikes over T timesteps (else it is an ANN run once). */
    public boolean spiking() {
        return this == LIF;
    }

    /** The constant named {@code wireName} in the spec's JSON; see {@link WireEnum#fromWireName(Class, String)}. */
    @JsonCreator
    public static NeuronKind fromWireName(String wireName) {
        return WireEnum.fromWireName(NeuronKind.class, wireName);
    }
}
