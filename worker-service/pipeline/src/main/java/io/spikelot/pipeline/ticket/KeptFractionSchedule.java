package io.spikelot.pipeline.ticket;

import java.util.ArrayList;
import java.util.List;

/**
 * biprop's annealing of a global ranking's kept fraction (ALGORITHMS.md §3, {@code prune_rate_epoch}): for a final
 * kept fraction k ≤ 0.5, epoch e of the first E keeps
 * {@code 1 − [(1 − k) + (0.5 − (1 − k))·(1 − e/E)³]}, from 0.5 at e = 0 towards k; from epoch E on it keeps k. A
 * kept fraction above 0.5 is not annealed, as in biprop.
 *
 * <p>biprop anneals over E = 10 epochs whatever the run's length, so a run of ten epochs or fewer never reaches k.
 * Here E = min(10, searchEpochs − 1): the last search epoch, whose mask is the ticket, always keeps exactly k
 * (decision recorded in the README).
 *
 * @param target the final ratio
 * @param annealEpochs E; 0 for no annealing
 */
public record KeptFractionSchedule(PruneRatio target, int annealEpochs) {

    /** biprop's {@code prune_rate_epoch} default. */
    public static final int BIPROP_EPOCHS = 10;

    public KeptFractionSchedule {
        if (annealEpochs < 0) {
            throw new IllegalArgumentException("annealEpochs must be >= 0, got " + annealEpochs);
        }
    }

    /** The schedule of a global search of {@code searchEpochs} epochs at {@code target}. */
    public static KeptFractionSchedule biprop(PruneRatio target, int searchEpochs) {
        boolean annealed = target.kept() <= 0.5;
        return new KeptFractionSchedule(target, annealed ? Math.max(0, Math.min(BIPROP_EPOCHS, searchEpochs - 1)) : 0);
    }

    /** No annealing: the target from the first epoch. */
    public static KeptFractionSchedule constant(PruneRatio target) {
        return new KeptFractionSchedule(target, 0);
    }

    /** The ratio of epoch {@code epoch}, counted from 0. */
    public PruneRatio at(int epoch) {
        if (epoch >= annealEpochs) {
            return target;
        }
        double finalPruned = target.pruned();
        double remaining = 1.0 - epoch / (double) annealEpochs;
        return new PruneRatio(finalPruned + (0.5 - finalPruned) * remaining * remaining * remaining);
    }

    /** The kept fraction of each of the first {@code epochs} epochs. */
    public List<Double> keptFractions(int epochs) {
        List<Double> kept = new ArrayList<>(epochs);
        for (int e = 0; e < epochs; e++) {
            kept.add(at(e).kept());
        }
        return kept;
    }
}
