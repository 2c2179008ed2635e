package io.spikelot.pipeline.ticket;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * One score ranking shared by all ticket layers of a network ({@code scope: global}, D4): the kept count is exact
 * over all layers together, and each layer keeps what the joint ranking gives it ({@link TopKMask#global}).
 *
 * <p>Within a forward pass the first layer, in network order, ranks everyone's current scores and the others
 * reuse its masks, which live in that batch's manager: every layer of a pass sees one consistent ranking, at the
 * cost of one concatenation and one k-th-value selection over all scores per pass.
 *
 * <p>The kept fraction follows a {@link KeptFractionSchedule}, advanced by the search at every epoch start; without
 * one it is the target ratio throughout.
 */
public final class GlobalScope {

    private final List<TicketLayer> layers = new ArrayList<>();
    private List<NDArray> current = List.of();
    private KeptFractionSchedule schedule;
    private PruneRatio ratio;

    public GlobalScope(PruneRatio ratio) {
        this.schedule = KeptFractionSchedule.constant(ratio);
        this.ratio = ratio;
    }

    /** Follows {@code schedule} from now on, starting at its epoch 0. */
    void anneal(KeptFractionSchedule schedule) {
        this.schedule = schedule;
        startEpoch(0);
    }

    /** The ratio of epoch {@code epoch} (from 0) applies from the next forward pass on. */
    void startEpoch(int epoch) {
        ratio = schedule.at(epoch);
        current = List.of();
    }

    /** The schedule in use. */
    KeptFractionSchedule schedule() {
        return schedule;
    }

    /** Adds a layer; layers must be added in the order the forward pass runs them. */
    void register(TicketLayer layer) {
        layers.add(layer);
    }

    /** The mask of {@code layer} for the running forward pass, in {@code scope}. */
    NDArray maskFor(TicketLayer layer, NDManager scope) {
        int index = indexOf(layer);
        if (index == 0 || current.size() != layers.size()) {
            current = rank(scope);
        }
        return current.get(index);
    }

    /** The mask of {@code layer} for the current scores, computed now, in {@code manager}. */
    NDArray maskNow(TicketLayer layer, NDManager manager) {
        return rank(manager).get(indexOf(layer));
    }

    private int indexOf(TicketLayer layer) {
        int index = layers.indexOf(layer);
        if (index < 0) {
            throw new IllegalStateException("Ticket layer is not part of this global scope");
        }
        return index;
    }

    private List<NDArray> rank(NDManager manager) {
        List<NDArray> magnitudes = new ArrayList<>(layers.size());
        for (TicketLayer layer : layers) {
            NDArray magnitude = layer.scores().getArray().abs();
            magnitude.attach(manager);
            magnitudes.add(magnitude);
        }
        return TopKMask.global(magnitudes, ratio);
    }
}
