package io.spikelot.pipeline.prune;

import io.spikelot.model.spec.PruneScope;
import io.spikelot.pipeline.tensor.HostTensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks from weight magnitudes, on host tensors. Among the weights a mask still keeps ({@code alive}), the
 * {@code trunc(n_alive · rate)} of smallest |w| are removed: over all layers together ({@code global}) or within
 * each layer ({@code layer}). Ties at the cut keep the lower index (and, globally, the earlier layer), as every
 * ranking in this codebase does (D3, D4), so the removed count is exact.
 */
public final class MagnitudePruning {

    private MagnitudePruning() {}

    /**
     * The next round's masks.
     *
     * @param weights the trained weights by name, in network order
     * @param alive the current masks by name ({@code true} = kept), or null when every weight is alive
     * @param rate the share of the alive weights to remove, in [0, 1)
     * @return new masks by name, in the order of {@code weights}
     */
    public static Map<String, HostTensor.Booleans> prune(
            Map<String, HostTensor.Floats> weights,
            Map<String, HostTensor.Booleans> alive,
            double rate,
            PruneScope scope) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("A pruning rate must lie in [0, 1), got " + rate);
        }
        Map<String, boolean[]> kept = new LinkedHashMap<>();
        weights.forEach((name, w) -> kept.put(name, aliveOf(name, w, alive)));
        List<String> names = List.copyOf(weights.keySet());
        if (scope == PruneScope.GLOBAL) {
            removeSmallest(names, weights, kept, rate);
        } else {
            for (String name : names) {
                removeSmallest(List.of(name), weights, kept, rate);
            }
        }
        Map<String, HostTensor.Booleans> masks = new LinkedHashMap<>();
        kept.forEach((name, values) ->
                masks.put(name, new HostTensor.Booleans(weights.get(name).shape(), values)));
        return masks;
    }

    /** The mask that removes {@code sparsity} of every weight from dense weights (Early-Bird's per-epoch mask). */
    public static Map<String, HostTensor.Booleans> atSparsity(
            Map<String, HostTensor.Floats> weights, double sparsity, PruneScope scope) {
        return prune(weights, null, sparsity, scope);
    }

    private static boolean[] aliveOf(String name, HostTensor.Floats w, Map<String, HostTensor.Booleans> alive) {
        if (alive == null) {
            boolean[] all = new boolean[w.values().length];
            Arrays.fill(all, true);
            return all;
        }
        HostTensor.Booleans mask = alive.get(name);
        if (mask == null || mask.values().length != w.values().length) {
            throw new IllegalArgumentException("No mask of " + w.values().length + " entries for " + name);
        }
        return mask.values().clone();
    }

    /**
     * Removes the {@code trunc(n · rate)} alive entries of smallest magnitude among {@code group}. Each entry is one
     * sortable key: the magnitude's float bits (ordered like the magnitudes, as they are non-negative) above the
     * entry's position counted from the end, so equal magnitudes remove the later entry first.
     */
    private static void removeSmallest(
            List<String> group, Map<String, HostTensor.Floats> weights, Map<String, boolean[]> kept, double rate) {
        long total = 0;
        for (String name : group) {
            total += weights.get(name).values().length;
        }
        int alive = 0;
        for (String name : group) {
            for (boolean k : kept.get(name)) {
                alive += k ? 1 : 0;
            }
        }
        int remove = (int) (alive * rate);
        if (remove == 0) {
            return;
        }
        long[] keys = new long[alive];
        int next = 0;
        long position = 0;
        for (String name : group) {
            float[] w = weights.get(name).values();
            boolean[] k = kept.get(name);
            for (int i = 0; i < w.length; i++, position++) {
                if (k[i]) {
                    long bits = Float.floatToIntBits(Math.abs(w[i]));
                    keys[next++] = (bits << 32) | (total - 1 - position);
                }
            }
        }
        Arrays.sort(keys);
        long[] offsets = new long[group.size()];
        for (int g = 1; g < group.size(); g++) {
            offsets[g] = offsets[g - 1] + weights.get(group.get(g - 1)).values().length;
        }
        for (int r = 0; r < remove; r++) {
            long at = total - 1 - (keys[r] & 0xFFFF_FFFFL);
            int g = group.size() - 1;
            while (offsets[g] > at) {
                g--;
            }
            kept.get(group.get(g))[(int) (at - offsets[g])] = false;
        }
    }
}
