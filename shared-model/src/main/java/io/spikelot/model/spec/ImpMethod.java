package io.spikelot.model.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** How an {@code imp} job finds its ticket: {@code pruning.method} (Kim et al., ALGORITHMS.md §5). */
public enum ImpMethod implements WireEnum {
    /** Iterative magnitude pruning with late rewinding: train, prune a share of the survivors, rewind, repeat. */
    IMP,
    /** Early-Bird: a dense search at twice the rate stops once the magnitude mask settles; the ticket retrains. */
    EARLY_BIRD;

    /** The constant named {@code wireName} in the spec's JSON; see {@link WireEnum#fromWireName(Class, String)}. */
    @JsonCreator
    public static ImpMethod fromWireName(String wireName) {
        return WireEnum.fromWireName(ImpMethod.class, wireName);
    }
}
