package io.spikelot.pipeline.neuron;

import java.util.Locale;

/** Which nonlinearity a network uses: LIF neurons (SNN) or ReLU (the ANN counterpart, T = 1). */
public enum NeuronKind {
    LIF,
    RELU;

    /** Parses the spec value {@code "lif"} or {@code "relu"}. */
    public static NeuronKind parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown neuron '" + value + "'; expected 'lif' or 'relu'", e);
        }
    }
}
