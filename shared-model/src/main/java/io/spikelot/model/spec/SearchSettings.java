package io.spikelot.model.spec;

import java.util.List;

/**
 * The {@code search} object of an {@code slt} spec.
 *
 * @param method {@code edge-popup} (LT with relu, SLT with lif) or {@code biprop} (MPLT / MPSLT)
 * @param pruneRatio p, the fraction of weights REMOVED (kept = 1 − p)
 * @param scope {@code layer} (top-k per layer) or {@code global} (one ranking over all layers)
 * @param weightInit {@code signed-constant}, {@code kaiming-normal} or {@code kaiming-uniform}
 * @param patchPruneRatio Spikformer patch pruning ratio (MultiSp); 0 = none
 * @param sweep several ratios p to search one after another, or null for the single {@code pruneRatio}
 * @param compareAnn whether to also search the ReLU counterpart with the same seed
 * @param fineTuneEpochs epochs of training the kept weights after the search; 0 = none
 */
public record SearchSettings(
        String method,
        double pruneRatio,
        String scope,
        String weightInit,
        double patchPruneRatio,
        List<Double> sweep,
        boolean compareAnn,
        int fineTuneEpochs) {

    public SearchSettings {
        sweep = sweep == null ? null : List.copyOf(sweep);
    }

    /** The ratios to search, in order: {@code sweep} when given, else {@code [pruneRatio]}. */
    public List<Double> ratios() {
        return sweep == null || sweep.isEmpty() ? List.of(pruneRatio) : sweep;
    }
}
