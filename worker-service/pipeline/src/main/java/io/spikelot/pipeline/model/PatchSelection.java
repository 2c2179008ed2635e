package io.spikelot.pipeline.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.spikelot.pipeline.tensor.HostArrays;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * MultiSp patch-level sparsity (ALGORITHMS.md §4.2 steps 5–6, decision D7) on patch embeddings {@code [T·B, N, D]}:
 * each patch i of a sample scores {@code m_i = Σ_t Σ_d |PE[t, i, d]|}; the top {@code K = ⌈(1 − q)·N⌉} patches are
 * kept in their original order, ties going to the lower index. Selection is per sample, at training and test time,
 * and the same tokens are kept at every timestep (the stateful LIFs downstream need that). Output
 * {@code [T·B, K, D]}; gradients flow to the kept tokens only.
 *
 * <p>Algorithm 1 of the SLT paper searches the patch embedding's ticket first and selects patches only once it is
 * frozen: a selection built {@link #inactive} passes every token through until {@link #activate()}.
 */
public final class PatchSelection extends AbstractBlock {

    private final int timesteps;
    private final double pruneRatio;
    private boolean active = true;

    /**
     * @param timesteps T (1 for an ANN)
     * @param pruneRatio q, the fraction of patches removed, in [0, 1)
     */
    public PatchSelection(int timesteps, double pruneRatio) {
        if (!(pruneRatio >= 0 && pruneRatio < 1)) {
            throw new IllegalArgumentException("Patch prune ratio must lie in [0, 1), got " + pruneRatio);
        }
        this.timesteps = timesteps;
        this.pruneRatio = pruneRatio;
    }

    /** A selection that passes every token through until {@link #activate()} (stage 1 of Algorithm 1). */
    public static PatchSelection inactive(int timesteps, double pruneRatio) {
        PatchSelection selection = new PatchSelection(timesteps, pruneRatio);
        selection.active = false;
        return selection;
    }

    /** Starts selecting patches from the next forward pass on (stage 2). */
    public void activate() {
        active = true;
    }

    public boolean active() {
        return active;
    }

    /** The patch selections of a built network, in network order; empty without MultiSp. */
    public static List<PatchSelection> in(Block network) {
        List<PatchSelection> found = new ArrayList<>();
        collect(network, found);
        return found;
    }

    private static void collect(Block block, List<PatchSelection> found) {
        if (block instanceof PatchSelection selection) {
            found.add(selection);
            return;
        }
        block.getChildren().values().forEach(child -> collect(child, found));
    }

    /** K = ⌈(1 − q)·N⌉, at least 1; q = 0.3 and N = 64 keep 45. */
    public static int keptCount(int patches, double pruneRatio) {
        return Math.max(1, (int) Math.ceil((1.0 - pruneRatio) * patches - 1e-9));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (!active) {
            return new NDList(x);
        }
        Shape s = x.getShape();
        int n = (int) s.get(1);
        long d = s.get(2);
        int batch = (int) (s.get(0) / timesteps);
        int k = keptCount(n, pruneRatio);
        // one small host sync ([B, N] scores) per batch: the tie rule needs a stable ranking
        float[] scores = x.stopGradient()
                .abs()
                .sum(new int[] {2})
                .reshape(timesteps, batch, n)
                .sum(new int[] {0})
                .toType(DataType.FLOAT32, false)
                .toFloatArray();
        long[] rows = new long[timesteps * batch * k];
        int at = 0;
        int[][] kept = new int[batch][];
        for (int b = 0; b < batch; b++) {
            kept[b] = top(scores, b * n, n, k);
        }
        for (int t = 0; t < timesteps; t++) {
            for (int b = 0; b < batch; b++) {
                long base = ((long) t * batch + b) * n;
                for (int i : kept[b]) {
                    rows[at++] = base + i;
                }
            }
        }
        NDArray index = HostArrays.longs(x.getManager(), rows);
        NDArray selected = x.reshape(-1, d).get(new NDIndex("{}", index));
        return new NDList(selected.reshape(s.get(0), k, d));
    }

    /** The indices of the k largest of {@code scores[from, from + n)}, ties to the lower index, ascending. */
    static int[] top(float[] scores, int from, int n, int k) {
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(
                order,
                Comparator.<Integer>comparingDouble(i -> -scores[from + i]).thenComparingInt(i -> i));
        int[] chosen = new int[k];
        for (int i = 0; i < k; i++) {
            chosen[i] = order[i];
        }
        Arrays.sort(chosen);
        return chosen;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        if (!active) {
            return new Shape[] {in};
        }
        return new Shape[] {new Shape(in.get(0), keptCount((int) in.get(1), pruneRatio), in.get(2))};
    }

    @Override
    public String toString() {
        return "PatchSelection(q=" + pruneRatio + ", T=" + timesteps + ")";
    }
}
