package io.spikelot.model.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** How a ticket search turns scores into weights: {@code search.method} of an {@code slt} spec. */
public enum SearchMethod implements WireEnum {
    /** Binarized ±α weights under the mask: multi-prize tickets (MPLT with sign, MPSLT with lif). */
    BIPROP,
    /** Frozen random weights under the mask: lottery tickets (LT with relu, SLT with lif). */
    EDGE_POPUP;

    /** The constant named {@code wireName} in the spec's JSON; see {@link WireEnum#fromWireName(Class, String)}. */
    @JsonCreator
    public static SearchMethod fromWireName(String wireName) {
        return WireEnum.fromWireName(SearchMethod.class, wireName);
    }
}
