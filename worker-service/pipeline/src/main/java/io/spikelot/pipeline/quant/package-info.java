/**
 * Weight quantization for QSNN (ALGORITHMS.md §6, decision D11): quantization-aware conv and linear layers that
 * keep a full-precision latent weight, train it through a straight-through estimator and export integer codes
 * with one scale per layer. Depends on DJL, the catalog, the model and tensor packages only (never on ticket).
 */
package io.spikelot.pipeline.quant;
