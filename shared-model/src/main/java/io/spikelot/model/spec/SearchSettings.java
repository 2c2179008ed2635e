package io.spikelot.model.spec;

import java.util.List;
import java.util.Objects;

/**
 * The {@code search} object of an {@code slt} spec.
 *
 * @param method how scores turn into weights: edge-popup (LT with relu, SLT with lif) or biprop (MPLT / MPSLT)
 * @param pruneRatio p, the fraction of weights REMOVED (kept = 1 − p)
 * @param scope top-k per layer or one ranking over all layers
 * @param weightInit the frozen random weights
 * @param patchPruneRatio Spikformer patch pruning ratio (MultiSp); 0 = none
 * @param sweep several ratios p to search one after another, or null for the single {@code pruneRatio}
 * @param compareAnn whether to also search the ReLU counterpart with the same seed
 * @param fineTuneEpochs epochs of training the kept weights after the search; 0 = none
 */
public record SearchSettings(
        SearchMethod method,
        double pruneRatio,
        PruneScope scope,
        WeightInitKind weightInit,
        double patchPruneRatio,
        List<Double> sweep,
        boolean compareAnn,
        int fineTuneEpochs) {

    public SearchSettings {
        Objects.requireNonNull(method, "search.method is required");
        Objects.requireNonNull(scope, "search.scope is required");
        Objects.requireNonNull(weightInit, "search.weightInit is required");
        sweep = sweep == null ? null : List.copyOf(sweep);
    }

    /**
     * The API's defaults: biprop at p = 0.5 per layer from its default weights, no patch pruning, no sweep, no ANN
     * comparison, no fine-tuning.
     */
    public static SearchSettings defaults() {
        return new SearchSettings(
                SearchMethod.BIPROP,
                0.5,
                PruneScope.LAYER,
                defaultWeightInit(SearchMethod.BIPROP),
                0.0,
                null,
                false,
                0);
    }

    /**
     * The frozen weights each method's reference uses by default: edge-popup its best, signed constants
     * (hidden-networks); biprop Kaiming-normal with {@code scale_fan} (biprop's configs). Under signed constants every
     * |W| of a layer is the same σ, so biprop's α·sign(W) equals W and a multi-prize ticket is an edge-popup one.
     */
    public static WeightInitKind defaultWeightInit(SearchMethod method) {
        return switch (method) {
            case EDGE_POPUP -> WeightInitKind.SIGNED_CONSTANT;
            case BIPROP -> WeightInitKind.KAIMING_NORMAL_SCALED;
        };
    }

    /** The ratios to search, in order: {@code sweep} when given, else {@code [pruneRatio]}. */
    public List<Double> ratios() {
        return sweep == null || sweep.isEmpty() ? List.of(pruneRatio) : sweep;
    }

    /** {@code method} at the single ratio {@code pruneRatio}. */
    public SearchSettings withMethod(SearchMethod method, double pruneRatio) {
        return new SearchSettings(
                method, pruneRatio, scope, weightInit, patchPruneRatio, sweep, compareAnn, fineTuneEpochs);
    }

    public SearchSettings withScope(PruneScope scope) {
        return new SearchSettings(
                method, pruneRatio, scope, weightInit, patchPruneRatio, sweep, compareAnn, fineTuneEpochs);
    }

    public SearchSettings withWeightInit(WeightInitKind weightInit) {
        return new SearchSettings(
                method, pruneRatio, scope, weightInit, patchPruneRatio, sweep, compareAnn, fineTuneEpochs);
    }

    public SearchSettings withPatchPruneRatio(double patchPruneRatio) {
        return new SearchSettings(
                method, pruneRatio, scope, weightInit, patchPruneRatio, sweep, compareAnn, fineTuneEpochs);
    }

    public SearchSettings withSweep(List<Double> sweep) {
        return new SearchSettings(
                method, pruneRatio, scope, weightInit, patchPruneRatio, sweep, compareAnn, fineTuneEpochs);
    }

    public SearchSettings withCompareAnn(boolean compareAnn) {
        return new SearchSettings(
                method, pruneRatio, scope, weightInit, patchPruneRatio, sweep, compareAnn, fineTuneEpochs);
    }

    public SearchSettings withFineTuneEpochs(int fineTuneEpochs) {
        return new SearchSettings(
                method, pruneRatio, scope, weightInit, patchPruneRatio, sweep, compareAnn, fineTuneEpochs);
    }
}
