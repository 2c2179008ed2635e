package io.spikelot.pipeline.neuron;

/**
 * Spikes counted over a number of (neuron, timestep) entries; the rate is their ratio. Rates of several batches
 * combine by adding counts, so a test-set rate is weighted by batch size.
 *
 * <p>With multi-level spikes (S ≥ 2 bits) an entry may carry a level from 1 to 2^S − 1: {@code spikes} counts the
 * non-zero entries (the firing rate of decision D13) and {@code levels} sums their levels. For binary spikes the two
 * are equal.
 *
 * @param spikes the number of entries that spiked (non-zero)
 * @param entries the number of (neuron, timestep) entries observed
 * @param levels the sum of the spike levels over those entries
 */
public record FiringRate(double spikes, long entries, double levels) {

    public static final FiringRate NONE = new FiringRate(0, 0, 0);

    /** Binary spikes: every spike has level 1. */
    public FiringRate(double spikes, long entries) {
        this(spikes, entries, spikes);
    }

    /** Non-zero entries per entry, in [0, 1]; 0 when nothing was observed. */
    public double rate() {
        return entries == 0 ? 0.0 : spikes / entries;
    }

    /** The mean spike level per entry, in [0, 2^S − 1]; equals {@link #rate()} for binary spikes. */
    public double meanLevel() {
        return entries == 0 ? 0.0 : levels / entries;
    }

    public FiringRate plus(FiringRate other) {
        return new FiringRate(spikes + other.spikes, entries + other.entries, levels + other.levels);
    }
}
