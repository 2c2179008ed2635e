package io.spikelot.model.spec;

/**
 * A normalized {@code imp} job spec (iterative magnitude pruning, Early-Bird and Early-Time tickets), exactly as the
 * API stores and dispatches it.
 *
 * @param type always {@code "imp"}
 * @param name the user's label for the job, or null
 * @param model the network: architecture, neuron and LIF settings
 * @param dataset what to train and test on
 * @param training optimizer, epochs per round, batch size, seed
 * @param resources where to run
 * @param pruning the pruning method and its options
 */
public record ImpSpec(
        String type,
        String name,
        ModelSettings model,
        DatasetSettings dataset,
        TrainingSettings training,
        ResourceSettings resources,
        PruningSettings pruning) {}
