/**
 * The training loop: Adam or SGD with an optional cosine schedule, one {@code NDManager} scope per batch, progress
 * and firing rates through a listener, cancellation at every batch, divergence detection and chunked test-set
 * evaluation. It trains whatever parameters of the block require gradients, so ticket search (frozen weights,
 * trainable scores) plugs in through the model's layer factory. A listener copies what must outlive training
 * ({@link io.spikelot.pipeline.train.TrainingListener#onTrained}) before the parameters are closed. Depends on DJL,
 * the worker contract, the data, model, neuron and tensor packages and the shared model's {@code OptimizerKind};
 * never on Spring.
 */
package io.spikelot.pipeline.train;
