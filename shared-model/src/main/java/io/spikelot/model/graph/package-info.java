/**
 * The self-describing computation of a trained model, as {@code model.json} states it beside the weights: the
 * ordered layer graph with every layer's operation, hyper-parameters, parameter names and shapes, where the direct
 * encoding repeats the input over T, the readout, and the input preprocessing. {@link
 * io.spikelot.model.graph.ModelGraphs} generates the graph from a resolved catalog architecture, so the description
 * cannot drift from the network the pipeline built from the same architecture. Plain records; the annotations
 * (from {@code jackson-annotations} only) leave absent fields out of the JSON. Depends on {@code
 * io.spikelot.model.arch} and {@code io.spikelot.model.spec}.
 */
package io.spikelot.model.graph;
