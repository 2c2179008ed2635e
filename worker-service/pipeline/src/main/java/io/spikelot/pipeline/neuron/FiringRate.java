package io.spikelot.pipeline.neuron;

/**
 * Spikes counted over a number of (neuron, timestep) entries; the rate is their ratio. Rates of several batches
 * combine by adding counts, so a test-set rate is weighted by batch size.
 *
 * @param spikes the number of entries that spiked
 * @param entries the number of (neuron, timestep) entries observed
 */
public record FiringRate(double spikes, long entries) {

    public static final FiringRate NONE = new FiringRate(0, 0);

    /** Spikes per entry, in [0, 1]; 0 when nothing was observed. */
    public double rate() {
        return entries == 0 ? 0.0 : spikes / entries;
    }

    public FiringRate plus(FiringRate other) {
        return new FiringRate(spikes + other.spikes, entries + other.entries);
    }
}
