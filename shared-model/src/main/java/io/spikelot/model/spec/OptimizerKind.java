package io.spikelot.model.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The optimizer a job trains with: {@code training.optimizer}. */
public enum OptimizerKind implements WireEnum {
    /** Adam. */
    ADAM,
    /** SGD with {@code training.momentum}. */
    SGD;

    /** The constant named {@code wireName} in the spec's JSON; see {@link WireEnum#fromWireName(Class, String)}. */
    @JsonCreator
    public static OptimizerKind fromWireName(String wireName) {
        return WireEnum.fromWireName(OptimizerKind.class, wireName);
    }
}
