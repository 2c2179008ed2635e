/**
 * Energy per image of a trained network (ALGORITHMS.md §7): the cost model's ANN and SNN figures at the measured
 * firing rates, with density- and patch-scaled variants, for every job type's result. Depends on the architecture
 * catalog, the shared model's cost accounting and result records, and the model package (which layer reads which
 * neuron's spikes).
 */
package io.spikelot.pipeline.energy;
