package io.spikelot.model.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The frozen random weights a ticket search starts from: {@code search.weightInit} of an {@code slt} spec. Each has
 * σ = √(2 / fan_in).
 */
public enum WeightInitKind implements WireEnum {
    /** N(0, σ²). */
    KAIMING_NORMAL,
    /**
     * N(0, σ²) with biprop's {@code scale_fan}: fan_in multiplied by (1 − prune_rate) with prune_rate the kept
     * fraction, so σ = √(2 / (p·fan_in)) for pruning ratio p; what biprop's configs use.
     */
    KAIMING_NORMAL_SCALED,
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
