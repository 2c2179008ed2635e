package io.spikelot.model.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** How the learning rate moves over the epochs: {@code training.schedule}. */
public enum Schedule implements WireEnum {
    /** The base learning rate throughout. */
    CONSTANT,
    /** A cosine from the base learning rate to 0 over all steps. */
    COSINE;

    /** The constant named {@code wireName} in the spec's JSON; see {@link WireEnum#fromWireName(Class, String)}. */
    @JsonCreator
    public static Schedule fromWireName(String wireName) {
        return WireEnum.fromWireName(Schedule.class, wireName);
    }
}
