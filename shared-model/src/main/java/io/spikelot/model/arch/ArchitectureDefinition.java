package io.spikelot.model.arch;

/** One catalog entry: a name, a one-line summary and the recipe that appends its layers for a given input. */
interface ArchitectureDefinition {

    String name();

    String summary();

    /** Appends the layers from the input to the logits {@code [classes]}. */
    void build(LayerStack stack, int classes);
}
