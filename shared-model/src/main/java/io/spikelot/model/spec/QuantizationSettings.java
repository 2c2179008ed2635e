package io.spikelot.model.spec;

import io.spikelot.model.cost.BitBudget;
import java.util.List;

/**
 * The {@code quantization} object of a {@code qsnn} spec: either explicit allocations or a bit budget that expands
 * to every allocation W·S·T = budget drawn from the option lists.
 *
 * @param allocations the W/S/T triples to train, in order, or null when {@code bitBudget} is given
 * @param bitBudget bits per synapse B = W·S·T, or null when {@code allocations} is given
 * @param weightBitsOptions the W values a budget may use (16 = full precision)
 * @param spikeBitsOptions the S values a budget may use (1 = binary spikes)
 */
public record QuantizationSettings(
        List<Allocation> allocations,
        Integer bitBudget,
        List<Integer> weightBitsOptions,
        List<Integer> spikeBitsOptions) {

    /** The largest T a budget expands to; the API's limit on timesteps. */
    public static final int MAX_TIMESTEPS = 64;

    /** The W values a budget may use when {@code weightBitsOptions} is not given. */
    public static final List<Integer> DEFAULT_WEIGHT_BITS = List.of(1, 2, 4, 8, 16);

    /** The S values a budget may use when {@code spikeBitsOptions} is not given. */
    public static final List<Integer> DEFAULT_SPIKE_BITS = List.of(1, 2, 4, 8, 16);

    /** The most spike bits an allocation may use: the paper's W1/S16/T1 rows. */
    public static final int MAX_SPIKE_BITS = 16;

    public QuantizationSettings {
        allocations = allocations == null ? null : List.copyOf(allocations);
        weightBitsOptions = weightBitsOptions == null ? DEFAULT_WEIGHT_BITS : List.copyOf(weightBitsOptions);
        spikeBitsOptions = spikeBitsOptions == null ? DEFAULT_SPIKE_BITS : List.copyOf(spikeBitsOptions);
    }

    /**
     * The allocations to train, in order: the explicit ones, or the budget's expansion (by W, then S, ascending).
     *
     * @throws IllegalArgumentException when both or neither are given, or the budget has no allocation
     */
    public List<Allocation> resolved() {
        if ((allocations == null) == (bitBudget == null)) {
            throw new IllegalArgumentException("Give either quantization.allocations or quantization.bitBudget, not "
                    + (allocations == null ? "neither" : "both"));
        }
        if (allocations != null) {
            return allocations;
        }
        List<Allocation> expanded =
                BitBudget.allocations(bitBudget, weightBitsOptions, spikeBitsOptions, MAX_TIMESTEPS).stream()
                        .map(b -> new Allocation(b.weightBits(), b.spikeBits(), b.timesteps()))
                        .toList();
        if (expanded.isEmpty()) {
            throw new IllegalArgumentException("No allocation W·S·T = " + bitBudget + " exists with W in "
                    + weightBitsOptions + ", S in " + spikeBitsOptions + " and 1 ≤ T ≤ " + MAX_TIMESTEPS);
        }
        return expanded;
    }

    /**
     * One allocation of bits to a synapse.
     *
     * @param weightBits W, 1 to 16; 16 is full precision
     * @param spikeBits S, 1 to {@link QuantizationSettings#MAX_SPIKE_BITS}; 1 is the ordinary binary spike
     * @param timesteps T, 1 to 64
     */
    public record Allocation(int weightBits, int spikeBits, int timesteps) {

        /** This allocation's bit budget W·S·T. */
        public BitBudget budget() {
            return BitBudget.of(weightBits, spikeBits, timesteps);
        }

        /** {@code "W4-S2-T1"}: a label for files, plots and progress messages. */
        public String label() {
            return "W" + weightBits + "-S" + spikeBits + "-T" + timesteps;
        }
    }
}
