package io.spikelot.pipeline.neuron;

/** How a LIF neuron's membrane is reset after a spike (ALGORITHMS.md §1.1). */
public enum ResetMode {
    /** {@code V = H·(1 − S) + V_reset·S}. */
    HARD,
    /** {@code V = H − V_th·S}; the leak term uses 0 in place of V_reset. */
    SOFT
}
