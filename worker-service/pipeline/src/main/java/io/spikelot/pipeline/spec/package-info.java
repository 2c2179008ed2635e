/**
 * Turns the shared parts of normalized job specs (model, dataset, training, resources) into engine settings, for
 * every pipeline alike. Failures are {@code INVALID_SPEC} pipeline exceptions naming the field.
 */
package io.spikelot.pipeline.spec;
