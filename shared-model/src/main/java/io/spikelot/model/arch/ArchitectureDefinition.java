package io.spikelot.model.arch;

/** One catalog entry: a name, a one-line summary and the recipe that appends its layers for a given input. */
interface ArchitectureDefinition {

    String name();

    String summary();

    /** Whether the network cuts its input into patch tokens (a ConvPEP stem), which MultiSp can prune. */
    default boolean patchTokens() {
        return false;
    }

    /** Appends the layers from the input to the logits {@code [classes]}. */
    void build(LayerStack stack, int classes);
}
