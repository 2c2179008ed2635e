/**
 * Lottery-ticket search (edge-popup §2, biprop / multi-prize tickets §3, SLT §4 of {@code ALGORITHMS.md}): frozen
 * random weights, learned scores, exact top-k masks, and the conv/linear blocks that use them. Depends on DJL,
 * the architecture catalog, {@code io.spikelot.pipeline.model} (the {@code WeightLayerFactory} plug point and the
 * weight inits), {@code io.spikelot.pipeline.tensor}, and {@code train} and {@code data} for the search loop; never
 * on {@code neuron} internals or Spring.
 *
 * <p>Ratios follow decision D3: a {@link io.spikelot.pipeline.ticket.PruneRatio} p is the fraction REMOVED and the
 * kept fraction is k = 1 − p; the pruned count is {@code trunc((1 − k)·n)} in float64, as the references compute it.
 */
package io.spikelot.pipeline.ticket;
