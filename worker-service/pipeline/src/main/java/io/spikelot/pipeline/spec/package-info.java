/**
 * Turns the shared parts of normalized job specs (model, dataset, training, resources) into engine settings, for
 * every pipeline alike. Failures are {@code INVALID_SPEC} pipeline exceptions naming the field. Depends on the
 * shared model, the worker contract and the data, encoding, neuron and train packages.
 */
package io.spikelot.pipeline.spec;
