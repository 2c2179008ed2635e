package io.spikelot.api.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The (W, S, T) allocations of a bit budget B: W·S·T = B with W and S from option lists and T ≥ 1. */
final class BitBudgetAllocations {

    /** One allocation: weight bits, spike bits, timesteps. */
    record Allocation(int weightBits, int spikeBits, int timesteps) {}

    private BitBudgetAllocations() {}

    static List<Allocation> enumerate(int budget, List<Integer> weightBits, List<Integer> spikeBits, int maxT) {
        List<Allocation> out = new ArrayList<>();
        for (int w : new TreeSet<>(weightBits)) {
            for (int s : new TreeSet<>(spikeBits)) {
                if (budget % (w * s) == 0 && budget / (w * s) <= maxT) {
                    out.add(new Allocation(w, s, budget / (w * s)));
                }
            }
        }
        return out;
    }
}
