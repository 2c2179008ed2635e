package io.spikelot.pipeline.model;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures the tensor every conv, linear and attention matmul of a network actually reads (ALGORITHMS §7), so the
 * cost model prices each layer by its own input: after a max-pool (the OR over the window), after a residual sum,
 * for q, k and v reading the same block input, for the operands of the attention matmuls, on event frames.
 *
 * <p>The network's layer sequences and attention blocks report into it; it records only while started and only in
 * forward passes that do not train, so the training loop pays nothing. Attention matmuls are keyed
 * {@code <attention>.qk} and {@code <attention>.av}, as in the cost model, and are charged at the operand that
 * drives them ({@link InputStatistics#drivingOperand}).
 */
public final class InputProbe {

    private boolean recording;
    private final Map<String, InputStatistics> layers = new LinkedHashMap<>();
    private final Map<String, InputStatistics[]> operands = new LinkedHashMap<>();

    /** Forgets earlier measurements and records the following evaluation forward passes. */
    public void start() {
        layers.clear();
        operands.clear();
        recording = true;
    }

    /** Stops recording; returns what each layer read since {@link #start()}, by catalog name, in network order. */
    public Map<String, InputStatistics> stop() {
        recording = false;
        Map<String, InputStatistics> out = new LinkedHashMap<>(layers);
        operands.forEach((name, pair) -> out.put(name, InputStatistics.drivingOperand(pair[0], pair[1])));
        return out;
    }

    boolean recording(boolean training) {
        return recording && !training;
    }

    /** The input {@code x} of weight layer {@code name}; {@code once} for the static-image encoder. */
    void layer(String name, NDArray x, boolean once) {
        layers.merge(name, InputStatistics.of(x, once, once), InputStatistics::plus);
    }

    /** The two operands of the matmul {@code name} ({@code a·b}). */
    void matmul(String name, NDArray a, NDArray b) {
        InputStatistics left = InputStatistics.of(a, false, false);
        InputStatistics right = InputStatistics.of(b, false, false);
        operands.merge(name, new InputStatistics[] {left, right}, (old, now) ->
                new InputStatistics[] {old[0].plus(now[0]), old[1].plus(now[1])});
    }
}
