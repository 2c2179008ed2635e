package io.spikelot.model.spec;

/**
 * A normalized {@code slt} job spec (spiking lottery ticket search), exactly as the API stores and dispatches it.
 *
 * @param type always {@code "slt"}
 * @param name the user's label for the job, or null
 * @param model the network: architecture, neuron and LIF settings
 * @param dataset what to train and test on
 * @param training optimizer, epochs, batch size, seed
 * @param resources where to run
 * @param search the ticket search: method, ratio(s) and options
 */
public record SltSpec(
        String type,
        String name,
        ModelSettings model,
        DatasetSettings dataset,
        TrainingSettings training,
        ResourceSettings resources,
        SearchSettings search) {}
