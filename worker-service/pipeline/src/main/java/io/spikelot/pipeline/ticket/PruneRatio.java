package io.spikelot.pipeline.ticket;

/**
 * The parameter pruning ratio p of the SLT paper: the fraction of weights REMOVED (decision D3). The references
 * (hidden-networks, biprop) are configured by the kept fraction k = 1 − p and prune {@code trunc((1 − k)·n)}
 * entries, computed in float64; this class reproduces that arithmetic exactly, so p = 0.2 on n = 100 prunes 19
 * and keeps 81 (the float64 value of 1 − 0.8 is just below 0.2), as in {@code ALGORITHMS.md} §8.
 *
 * @param pruned p, in [0, 1)
 */
public record PruneRatio(double pruned) {

    public PruneRatio {
        if (!(pruned >= 0 && pruned < 1)) {
            throw new IllegalArgumentException("Pruning ratio p must be in [0, 1), got " + pruned);
        }
    }

    /** The ratio for the kept fraction k of the references' {@code prune_rate}. */
    public static PruneRatio ofKept(double kept) {
        return new PruneRatio(1.0 - kept);
    }

    /** k = 1 − p, the fraction kept (what hidden-networks and biprop call {@code prune_rate}). */
    public double kept() {
        return 1.0 - pruned;
    }

    /** Entries pruned out of {@code n}: {@code trunc((1 − k)·n)} with k = 1 − p, in float64 like the references. */
    public long prunedCount(long n) {
        return (long) ((1.0 - kept()) * n);
    }

    /** Entries kept out of {@code n}. */
    public long keptCount(long n) {
        return n - prunedCount(n);
    }
}
