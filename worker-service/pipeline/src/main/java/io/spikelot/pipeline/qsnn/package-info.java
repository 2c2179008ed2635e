/**
 * The {@code qsnn} job: quantized spiking networks under a bit budget W × S × T (ALGORITHMS.md §6). Trains one
 * network per allocation and reports accuracy against S-ACE and NS-ACE, with the frontier and the quantized models.
 * A job type: it may use every building block and the file writers, and nothing but the worker uses it.
 */
package io.spikelot.pipeline.qsnn;
