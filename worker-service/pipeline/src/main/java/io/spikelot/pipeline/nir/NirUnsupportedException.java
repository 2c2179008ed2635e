package io.spikelot.pipeline.nir;

/** A graph that NIR cannot express even approximately (attention, patch selection, a non-spiking neuron). */
public class NirUnsupportedException extends RuntimeException {

    private final String node;

    public NirUnsupportedException(String node, String reason) {
        super("NIR cannot express node " + node + ": " + reason);
        this.node = node;
    }

    /** The graph node that could not be written. */
    public String node() {
        return node;
    }
}
