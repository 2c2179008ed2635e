package io.spikelot.pipeline.slt;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.SelfAttentionLayer;
import io.spikelot.model.result.SltResult;
import io.spikelot.model.result.TicketName;
import io.spikelot.model.spec.NeuronKind;
import io.spikelot.model.spec.SearchMethod;
import io.spikelot.model.spec.SltSpec;
import io.spikelot.pipeline.model.InputKind;
import io.spikelot.pipeline.model.PatchSelection;
import io.spikelot.pipeline.neuron.NeuronSettings;
import java.util.List;

/**
 * Everything a finished job reports from.
 *
 * @param spec the normalized spec
 * @param architecture the resolved architecture (input {@code [C, H, W]}, classes)
 * @param input static images or event frames
 * @param neurons the searched network's neurons and T
 * @param runs one search per ratio, in the spec's order; the first is the job's headline result
 * @param annRuns the ReLU counterparts in the same order when {@code compareAnn} (and the network spikes), else
 *     empty
 * @param repeats with {@code training.repeats} > 1, one row per seed and ratio (the first seed's included); else
 *     empty
 * @param wallSeconds the job's wall time so far
 */
record SltJob(
        SltSpec spec,
        Architecture architecture,
        InputKind input,
        NeuronSettings neurons,
        List<RatioRun> runs,
        List<RatioRun> annRuns,
        List<SltResult.RepeatRow> repeats,
        double wallSeconds) {

    RatioRun primary() {
        return runs.get(0);
    }

    boolean sweep() {
        return runs.size() > 1 || spec.search().sweep() != null;
    }

    SearchMethod method() {
        return spec.search().method();
    }

    /** N, the tokens per sample of a Spikformer; 0 for other architectures. */
    int patches() {
        return architecture.allLayers().stream()
                .filter(SelfAttentionLayer.class::isInstance)
                .mapToInt(l -> ((SelfAttentionLayer) l).tokens())
                .findFirst()
                .orElse(0);
    }

    /** Whether patches are pruned too (MultiSp), in stage 2 of Algorithm 1. */
    boolean patchPruning() {
        return spec.search().patchPruneRatio() > 0;
    }

    /** Epochs of the search proper (stage 1): the spec's training epochs. */
    int searchEpochs() {
        return spec.training().epochs();
    }

    /** K = ⌈(1 − q)·N⌉ with q = patchPruneRatio; N without patch pruning. */
    int patchesKept() {
        double q = spec.search().patchPruneRatio();
        return q > 0 ? PatchSelection.keptCount(patches(), q) : patches();
    }

    /** The paper's name of a ticket of this job's method found with {@code neuron} ({@link TicketName}). */
    String ticketName(NeuronKind neuron) {
        return TicketName.of(method(), neuron, patches() > 0, spec.search().patchPruneRatio() > 0);
    }

    long seed() {
        return spec.training().seed();
    }
}
