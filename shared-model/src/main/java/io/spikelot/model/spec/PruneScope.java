package io.spikelot.model.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Where a prune ratio applies: {@code search.scope} of an {@code slt} spec, {@code pruning.scope} of an {@code imp} one. */
public enum PruneScope implements WireEnum {
    /** One ranking over all pruned layers, with an exact total kept count. */
    GLOBAL,
    /** Top-k within each layer. */
    LAYER;

    /** The constant named {@code wireName} in the spec's JSON; see {@link WireEnum#fromWireName(Class, String)}. */
    @JsonCreator
    public static PruneScope fromWireName(String wireName) {
        return WireEnum.fromWireName(PruneScope.class, wireName);
    }
}
