/**
 * Tensor arithmetic that is safe under DJL autograd on the PyTorch engine. Depends on DJL only.
 *
 * <p>{@code NDArray.mul(Number)}, {@code div(Number)}, {@code pow(Number)}, {@code maximum(Number)} and {@code
 * minimum(Number)} wrap the scalar in a tensor over a Java direct buffer that may be freed before the backward pass
 * reads it, so gradients come out corrupted at random. Code in this module multiplies by scalars only through
 * {@link io.spikelot.pipeline.tensor.Scalars}; an ArchUnit rule forbids the {@code Number} overloads.
 */
package io.spikelot.pipeline.tensor;
