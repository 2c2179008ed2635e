/**
 * Tensor arithmetic that is safe under DJL autograd on the PyTorch engine. Depends on DJL only.
 *
 * <p>{@code NDArray.mul(Number)}, {@code div(Number)}, {@code pow(Number)}, {@code maximum(Number)} and {@code
 * minimum(Number)} wrap the scalar in a tensor over a Java direct buffer that may be freed before the backward pass
 * reads it, so gradients come out corrupted at random. Code in this module multiplies by scalars only through
 * {@link io.spikelot.pipeline.tensor.Scalars}; an ArchUnit rule forbids the {@code Number} overloads.
 * {@code NDManager.create} from Java arrays borrows a direct buffer in the same way, for every view of the tensor:
 * tensors from Java data come from {@link io.spikelot.pipeline.tensor.HostArrays}, which clones them into libtorch's
 * memory, and a second rule forbids {@code create} elsewhere.
 */
package io.spikelot.pipeline.tensor;
