package io.spikelot.model.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The frozen random weights a ticket search starts from: {@code search.weightInit} of an {@code slt} spec. Each has
 * σ = √(2 / fan_in).
 */
public enum WeightInitKind implements WireEnum {
    /** N(0, σ²). */
    KAIMING_NORMAL,
    /** U(−√3·σ, +√3·σ). */
    KAIMING_UNIFORM,
    /** ±σ with random signs. */
    SIGNED_CONSTANT;

    /** The constant named {@code wireName} in the spec's JSON; see {@link WireEnum#fromWireName(Class, String)}. */
    @JsonCreator
    public static WeightInitKind fromWireName(String wireName) {
        return WireEnum.fromWireName(WeightInitKind.class, wireName);
    }
}
