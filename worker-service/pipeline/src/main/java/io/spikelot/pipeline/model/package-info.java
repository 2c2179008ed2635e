/**
 * DJL blocks built from the architecture catalog's plain-data layer tree ({@code io.spikelot.model.arch}), so the
 * catalog's parameter names and counts and the trained model cannot drift apart. Depends on DJL, the catalog, and
 * {@code io.spikelot.pipeline.neuron}.
 *
 * <p>Inside a network every tensor is time-major and merged, {@code [T·B, ...]}; parameters are indexed under the
 * catalog's stable dotted names ({@code conv1.weight}, {@code bn1.bias}, {@code head.weight}).
 */
package io.spikelot.pipeline.model;
