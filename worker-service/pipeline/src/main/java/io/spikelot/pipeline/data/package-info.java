/**
 * Datasets resolved from a spec {@code {"name", "trainLimit", "testLimit"}} under a datasets root: IDX (MNIST,
 * Fashion-MNIST), CIFAR binary, DVS128-Gesture (AEDAT 3.1), CIFAR10-DVS (AEDAT 2.0), event npz files, and seeded
 * synthetic sets. Every file is read and checked when the dataset is resolved, before training starts; a missing,
 * truncated or corrupt file fails with {@link io.spikelot.pipeline.PipelineException#invalidSpec} naming the file
 * and byte offset. Plain Java; depends on {@code io.spikelot.pipeline.encoding} and the shared model.
 */
package io.spikelot.pipeline.data;
