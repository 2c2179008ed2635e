package io.spikelot.pipeline.neuron;

/** A block whose output is a spike train and that records how often it fired in its last forward pass. */
public interface SpikingLayer {

    /** Spikes and entries of the latest forward pass; {@link FiringRate#NONE} before the first. */
    FiringRate lastFiringRate();
}
