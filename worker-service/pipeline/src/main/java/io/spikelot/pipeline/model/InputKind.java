package io.spikelot.pipeline.model;

/** What a network is fed: static images {@code [B, C, H, W]} or event frames {@code [T, B, 2, H, W]}. */
public enum InputKind {
    STATIC,
    EVENTS
}
