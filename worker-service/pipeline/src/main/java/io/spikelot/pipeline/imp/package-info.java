/**
 * The {@code imp} job (Kim et al., ECCV'22; ALGORITHMS.md §5): iterative magnitude pruning with late rewinding, or
 * an Early-Bird search and retraining, optionally searching at the Early-Time T′, with masked dense training of
 * the weights. Reports every round, the winning ticket and the search cost. A job type: it may use every building
 * block and the file writers, and nothing but the worker uses it.
 */
package io.spikelot.pipeline.imp;
