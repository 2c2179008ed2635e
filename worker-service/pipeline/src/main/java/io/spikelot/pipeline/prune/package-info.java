/**
 * Magnitude pruning of trained weights (Kim et al., ALGORITHMS.md §5): masks from weight magnitudes, globally or per
 * layer, on the host; the distance between two masks; conv and linear layers that train their weight under a fixed
 * mask (W ⊙ M in the forward pass, pruned gradients zeroed after backward); and a training listener that loads a
 * saved state into such a network and copies its state, masks included, when training ends. Depends on DJL, the
 * architecture catalog, the shared model's spec options, and the model, tensor and train packages.
 */
package io.spikelot.pipeline.prune;
