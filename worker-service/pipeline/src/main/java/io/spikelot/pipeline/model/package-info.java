/**
 * DJL blocks built from the architecture catalog's plain-data layer tree ({@code io.spikelot.model.arch}), so the
 * catalog's parameter names and counts and the trained model cannot drift apart. Also the weight inits that ticket
 * and quantized layers share. Depends on DJL, the catalog, {@code io.spikelot.pipeline.neuron} and
 * {@code io.spikelot.pipeline.tensor}.
 *
 * <p>Inside a network every tensor is time-major and merged, {@code [T·B, ...]}; parameters are indexed under the
 * catalog's stable dotted names ({@code conv1.weight}, {@code bn1.bias}, {@code head.weight}).
 */
package io.spikelot.pipeline.model;
