package io.spikelot.model.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The nonlinearity of a network: {@code model.neuron} of an {@code slt} or {@code imp} spec. */
public enum NeuronKind implements WireEnum {
    /** Leaky integrate-and-fire neurons: a spiking network over T timesteps. */
    LIF,
    /** ReLU: the ANN counterpart, always run with T = 1. */
    RELU;

    /** The constant named {@code wireName} in the spec's JSON; see {@link WireEnum#fromWireName(Class, String)}. */
    @JsonCreator
    public static NeuronKind fromWireName(String wireName) {
        return WireEnum.fromWireName(NeuronKind.class, wireName);
    }
}
