package io.spikelot.model.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The smooth stand-in g(x) for the spike's Heaviside step in the backward pass: {@code model.surrogate}, sharpness α. */
public enum SurrogateKind implements WireEnum {
    /** {@code g(x) = arctan(π/2·α·x)/π + 1/2} (SpikingJelly's ATan). */
    ATAN,
    /** {@code g(x) = σ(α·x)} (SpikingJelly's default). */
    SIGMOID;

    /** The constant named {@code wireName} in the spec's JSON; see {@link WireEnum#fromWireName(Class, String)}. */
    @JsonCreator
    public static SurrogateKind fromWireName(String wireName) {
        return WireEnum.fromWireName(SurrogateKind.class, wireName);
    }
}
