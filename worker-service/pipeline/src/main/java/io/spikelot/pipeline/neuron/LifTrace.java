package io.spikelot.pipeline.neuron;

import ai.djl.ndarray.NDArray;

/**
 * What a LIF neuron computed over T steps, all time-major.
 *
 * @param spikes S, shape {@code [T·B, ...]}, values in {0, 1}
 * @param charges H before firing, shape {@code [T, B, ...]}
 * @param potentials V after the reset, shape {@code [T, B, ...]}
 */
public record LifTrace(NDArray spikes, NDArray charges, NDArray potentials) {}
