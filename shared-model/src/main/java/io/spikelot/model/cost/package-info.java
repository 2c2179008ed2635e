/**
 * Cost accounting over a resolved architecture: parameters and MACs per layer, ANN and SNN energy (ALGORITHMS
 * §7), and the QSNN bit budget with S-ACE and NS-ACE (§6). {@link io.spikelot.model.cost.CostEstimator} is the
 * one entry point; every figure comes back with the constants and formula it was computed by.
 *
 * <p>Plain Java; depends on {@code io.spikelot.model.arch} and {@code java.*} only.
 */
package io.spikelot.model.cost;
