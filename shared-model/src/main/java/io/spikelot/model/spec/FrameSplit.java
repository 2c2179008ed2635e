package io.spikelot.model.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** How an event stream is divided into T frames: {@code dataset.frameSplit} (SpikingJelly's {@code split_by}). */
public enum FrameSplit implements WireEnum {
    /** Equal event counts ⌊N/T⌋ per frame; the last one takes the rest. */
    NUMBER,
    /** Equal time spans; the last frame ends at the last event. */
    TIME;

    /** The constant named {@code wireName} in the spec's JSON; see {@link WireEnum#fromWireName(Class, String)}. */
    @JsonCreator
    public static FrameSplit fromWireName(String wireName) {
        return WireEnum.fromWireName(FrameSplit.class, wireName);
    }
}
