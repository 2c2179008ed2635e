package io.spikelot.pipeline.encoding;

/** How events are divided into T segments (SpikingJelly's {@code split_by}). */
public enum SplitBy {
    /** Equal event counts ⌊N/T⌋ per segment; the last one takes the rest. */
    NUMBER,
    /** Equal time spans; the last segment ends at the last event. */
    TIME
}
