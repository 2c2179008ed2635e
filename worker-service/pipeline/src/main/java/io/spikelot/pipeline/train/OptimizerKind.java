package io.spikelot.pipeline.train;

import java.util.Locale;

/** The optimizers the PyTorch engine offers. */
public enum OptimizerKind {
    ADAM,
    SGD;

    public static OptimizerKind parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown optimizer '" + value + "'; expected 'adam' or 'sgd'", e);
        }
    }
}
