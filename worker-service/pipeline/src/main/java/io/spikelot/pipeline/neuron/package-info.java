/**
 * Spiking neurons (ALGORITHMS.md §1): the multi-step LIF neuron with surrogate gradients, its ReLU counterpart, and
 * the direct encoding and time-mean readout around them. Depends on DJL, {@code io.spikelot.pipeline.tensor} and
 * the shared model's spec enums ({@code ResetMode}, {@code NeuronKind}).
 *
 * <p>Layout: tensors entering a neuron are time-major and merged, {@code [T·B, ...]}, so convolutions and norms run
 * on all timesteps at once; only the neuron loops over T.
 */
package io.spikelot.pipeline.neuron;
