/**
 * Energy per image of a trained network (ALGORITHMS.md §7): the cost model's ANN and SNN figures priced by what each
 * layer read during the test evaluation, with density- and patch-scaled variants and the per-layer table, for every
 * job type's result. Depends on the architecture catalog, the shared model's cost accounting and result records, and
 * the model package (the measured layer inputs).
 */
package io.spikelot.pipeline.energy;
