package io.spikelot.model.arch;

/** The reduction of a {@link PoolLayer}. */
public enum PoolType {
    /** Max over a {@code kernel×kernel} window. */
    MAX,
    /** Mean over a {@code kernel×kernel} window. */
    AVG,
    /** Mean over the whole map: {@code [C, H, W] → [C]} (adaptive average pool to 1×1, then flatten). */
    GLOBAL_AVG
}
