package io.spikelot.pipeline.ticket;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact top-k masks of score magnitudes (§2, §3). The kept count is always exactly {@link PruneRatio#keptCount};
 * among equal magnitudes at the threshold the lower flat index is kept, so masks are deterministic (a plain
 * {@code topK} leaves ties to the kernel). Masks are FLOAT32 0/1 arrays without gradient, in the manager of the
 * magnitudes, so a caller that passes per-batch arrays gets per-batch masks.
 */
public final class TopKMask {

    private TopKMask() {}

    /**
     * The layer-wise mask ({@code scope: layer}).
     *
     * @param magnitudes |s|, any shape
     * @return 0/1 of the same shape, keeping the {@code ratio.keptCount(n)} largest
     */
    public static NDArray layer(NDArray magnitudes, PruneRatio ratio) {
        NDArray flat = magnitudes.stopGradient().flatten();
        return keepLargest(flat, ratio.keptCount(flat.size())).reshape(magnitudes.getShape());
    }

    /**
     * The global mask ({@code scope: global}, biprop's {@code GlobalSubnetConv}): one ranking over all layers, ties
     * broken by position in the concatenation (list order, then flat index). Unlike the reference's "strictly above
     * the threshold", the total kept count is exact even with ties.
     *
     * @param magnitudes |s| per layer, in network order
     * @return one 0/1 mask per layer, same shapes, keeping {@code ratio.keptCount(Σn)} in all
     */
    public static List<NDArray> global(List<NDArray> magnitudes, PruneRatio ratio) {
        NDList flats = new NDList(magnitudes.size());
        long[] splits = new long[magnitudes.size() - 1];
        long total = 0;
        for (int i = 0; i < magnitudes.size(); i++) {
            flats.add(magnitudes.get(i).stopGradient().flatten());
            total += magnitudes.get(i).size();
            if (i < splits.length) {
                splits[i] = total;
            }
        }
        NDArray all = magnitudes.size() == 1 ? flats.get(0) : NDArrays.concat(flats, 0);
        NDList parts = keepLargest(all, ratio.keptCount(total)).split(splits);
        List<NDArray> masks = new ArrayList<>(magnitudes.size());
        for (int i = 0; i < magnitudes.size(); i++) {
            masks.add(parts.get(i).reshape(magnitudes.get(i).getShape()));
        }
        return masks;
    }

    /** 0/1 over a flat vector keeping exactly {@code kept} entries, ties at the threshold to the lower index. */
    private static NDArray keepLargest(NDArray flat, long kept) {
        long n = flat.size();
        if (kept >= n) {
            return flat.onesLike().toType(DataType.FLOAT32, false);
        }
        if (kept <= 0) {
            return flat.zerosLike().toType(DataType.FLOAT32, false);
        }
        // the kept-th largest value (a selection, not a sort: O(n) instead of O(n log n) on every forward pass);
        // everything above it is kept, ties at it are filled in index order
        NDArray threshold = kthLargest(flat, kept);
        NDArray above = flat.gt(threshold);
        long missing = kept - above.toType(DataType.INT64, false).sum().getLong();
        NDArray atThreshold = flat.eq(threshold);
        NDArray tieRank = atThreshold.toType(DataType.INT64, false).cumSum(0);
        NDArray tiesKept = atThreshold.logicalAnd(tieRank.lte(missing));
        return above.logicalOr(tiesKept).toType(DataType.FLOAT32, false);
    }

    /** The {@code k}-th largest entry (1-based) of a flat vector, as a 0-d array; selects the smaller side. */
    private static NDArray kthLargest(NDArray flat, long k) {
        long n = flat.size();
        if (k <= n - k + 1) {
            return flat.topK(Math.toIntExact(k), 0, true, false).get(0).min();
        }
        // the k-th largest is the (n − k + 1)-th smallest
        return flat.topK(Math.toIntExact(n - k + 1), 0, false, false).get(0).max();
    }

    /** Number of kept entries in a 0/1 mask. */
    public static long keptCount(NDArray mask) {
        return mask.toType(DataType.INT64, false).sum().getLong();
    }
}
