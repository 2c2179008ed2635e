package io.spikelot.model.cost;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The QSNN bit budget of one synapse (ALGORITHMS §6): {@code BB = T·W·S} bits.
 *
 * @param weightBits W, 1 to 32; 16 stands for full precision (FP32 counted as BF16, as the paper does)
 * @param spikeBits S, 1 to 32; 1 is the ordinary binary spike
 * @param timesteps T, at least 1
 * @param bitsPerSynapse {@code T·W·S}, bits
 */
public record BitBudget(int weightBits, int spikeBits, int timesteps, long bitsPerSynapse) {

    public BitBudget {
        requireRange("weight bits W", weightBits, 32);
        requireRange("spike bits S", spikeBits, 32);
        requireRange("timesteps T", timesteps, Integer.MAX_VALUE);
        if (bitsPerSynapse != (long) weightBits * spikeBits * timesteps) {
            throw new IllegalArgumentException("Bit budget must be W·S·T = " + (long) weightBits * spikeBits * timesteps
                    + ", got " + bitsPerSynapse);
        }
    }

    public static BitBudget of(int weightBits, int spikeBits, int timesteps) {
        return new BitBudget(weightBits, spikeBits, timesteps, (long) weightBits * spikeBits * timesteps);
    }

    /**
     * Every allocation with W·S·T = {@code budget}, W from {@code weightBits}, S from {@code spikeBits} and
     * 1 ≤ T ≤ {@code maxTimesteps}, ordered by W, then S, ascending; empty when there is none.
     */
    public static List<BitBudget> allocations(
            int budget, Collection<Integer> weightBits, Collection<Integer> spikeBits, int maxTimesteps) {
        List<BitBudget> out = new ArrayList<>();
        for (int w : new TreeSet<>(weightBits)) {
            for (int s : new TreeSet<>(spikeBits)) {
                if (w > 0
                        && s > 0
                        && budget % (w * s) == 0
                        && budget / (w * s) >= 1
                        && budget / (w * s) <= maxTimesteps) {
                    out.add(of(w, s, budget / (w * s)));
                }
            }
        }
        return out;
    }

    private static void requireRange(String what, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(what + " must lie in [1, " + max + "], got " + value);
        }
    }
}
