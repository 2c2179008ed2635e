package io.spikelot.pipeline.prune;

import io.spikelot.pipeline.tensor.HostTensor;
import java.util.Map;

/**
 * How far apart two masks of the same weights are: the share of entries that differ (Early-Bird, ALGORITHMS.md §5).
 * The reference also counts the always-kept entries of affine BatchNorm scales in the denominator; callers pass
 * their number as {@code alsoCounted}.
 */
public final class MaskDistance {

    private MaskDistance() {}

    /**
     * @param alsoCounted entries that are kept in both masks and counted in the denominator only (BatchNorm γ)
     * @return differing entries over all entries, in [0, 1]
     * @throws IllegalArgumentException when the masks cover other weights or shapes
     */
    public static double between(
            Map<String, HostTensor.Booleans> a, Map<String, HostTensor.Booleans> b, long alsoCounted) {
        if (!a.keySet().equals(b.keySet())) {
            throw new IllegalArgumentException("Masks of " + a.keySet() + " and " + b.keySet() + " do not compare");
        }
        long differing = 0;
        long total = alsoCounted;
        for (Map.Entry<String, HostTensor.Booleans> e : a.entrySet()) {
            boolean[] x = e.getValue().values();
            boolean[] y = b.get(e.getKey()).values();
            if (x.length != y.length) {
                throw new IllegalArgumentException(
                        "Masks of " + e.getKey() + " have " + x.length + " and " + y.length + " entries");
            }
            for (int i = 0; i < x.length; i++) {
                differing += x[i] != y[i] ? 1 : 0;
            }
            total += x.length;
        }
        return total == 0 ? 0 : differing / (double) total;
    }
}
