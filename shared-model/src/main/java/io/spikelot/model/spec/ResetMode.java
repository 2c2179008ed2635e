package io.spikelot.model.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** How a LIF neuron's membrane is reset after a spike: {@code model.reset} (ALGORITHMS.md §1.1). */
public enum ResetMode implements WireEnum {
    /** {@code V = H·(1 − S) + V_reset·S}. */
    HARD,
    /** {@code V = H − V_th·S}; the leak term uses 0 in place of V_reset. */
    SOFT;

    /** The constant named {@code wireName} in the spec's JSON; see {@link WireEnum#fromWireName(Class, String)}. */
    @JsonCreator
    public static ResetMode fromWireName(String wireName) {
        return WireEnum.fromWireName(ResetMode.class, wireName);
    }
}
