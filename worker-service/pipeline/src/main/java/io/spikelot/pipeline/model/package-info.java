/**
 * DJL blocks built from the architecture catalog's plain-data layer tree ({@code io.spikelot.model.arch}), so the
 * catalog's parameter names and counts and the trained model cannot drift apart. Also the weight inits that ticket
 * and quantized layers share, and the probe that measures what every weight layer reads during evaluation. Depends on
 * DJL, the catalog, the cost model's plain types ({@code io.spikelot.model.cost}: a measured input is what it prices),
 * {@code io.spikelot.pipeline.neuron} and {@code io.spikelot.pipeline.tensor}.
 *
 * <p>Inside a network every tensor is time-major and merged, {@code [T·B, ...]}; parameters are indexed under the
 * catalog's stable dotted names ({@code conv1.weight}, {@code bn1.bias}, {@code head.weight}).
 */
package io.spikelot.pipeline.model;
