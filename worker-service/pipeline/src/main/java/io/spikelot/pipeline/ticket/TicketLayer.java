package io.spikelot.pipeline.ticket;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import io.spikelot.pipeline.model.WeightGeometry;
import io.spikelot.pipeline.model.WeightInit;
import io.spikelot.pipeline.tensor.Scopes;
import java.util.Optional;

/**
 * A conv or linear layer whose weight W is frozen and random and whose learned object is one score per weight
 * (§2, §3). Direct parameters: {@code weight} (frozen), {@code scores} (trainable) and, when the catalog layer has
 * one, {@code bias} (trainable and dense: edge-popup nets have none, and the Spikformer linears that have one are
 * not ticket-searched by PEPSp). The model's {@code ParameterIndex} lists them as {@code <layer>.weight},
 * {@code <layer>.scores} and {@code <layer>.bias}.
 */
public abstract class TicketLayer extends AbstractBlock {

    private final WeightGeometry geometry;
    private final TicketKind kind;
    private final PruneRatio ratio;
    private final Parameter weight;
    private final Parameter scores;
    private final Parameter bias;
    /** The shared ranking of {@code scope: global}, or null for layer-wise masks. */
    private GlobalScope global;
    /** The mask frozen by {@link #startFineTuning()}, in the weight's manager; null while searching. */
    private NDArray fixedMask;

    /**
     * @param geometry conv or linear, with the weight's shape
     * @param weightInit the frozen weights' distribution ({@link WeightInit}, or a fixed array in tests)
     * @param scoreInit the scores' distribution ({@link WeightInit#scores()} normally)
     */
    protected TicketLayer(
            TicketKind kind,
            PruneRatio ratio,
            WeightGeometry geometry,
            boolean hasBias,
            Initializer weightInit,
            Initializer scoreInit) {
        this.geometry = geometry;
        this.kind = kind;
        this.ratio = ratio;
        this.weight = addParameter(geometry.weightParameter(weightInit, false));
        this.scores = addParameter(Parameter.builder()
                .setName("scores")
                .setType(Parameter.Type.OTHER)
                .optShape(geometry.weightShape())
                .optInitializer(scoreInit)
                .build());
        this.bias = hasBias ? addParameter(geometry.biasParameter()) : null;
    }

    /** Ranks this layer's scores together with the other layers of {@code scope} from now on. */
    void joinGlobalScope(GlobalScope scope) {
        global = scope;
        scope.register(this);
    }

    /** The shared ranking this layer belongs to, if {@code scope: global}. */
    Optional<GlobalScope> globalScope() {
        return Optional.ofNullable(global);
    }

    public TicketKind kind() {
        return kind;
    }

    public PruneRatio ratio() {
        return ratio;
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter scores() {
        return scores;
    }

    /**
     * The effective weight of one forward pass, with the straight-through path to the scores; every intermediate
     * is attached to {@code scope} (the batch's manager), so nothing accumulates in the model's manager.
     */
    protected NDArray effectiveWeight(ParameterStore store, NDManager scope, Device device, boolean training) {
        NDArray w = store.getValue(weight, device, training);
        if (fixedMask != null) {
            return Scopes.local(scope, w).mul(fixedMask);
        }
        NDArray s = store.getValue(scores, device, training);
        NDArray absScores = s.abs();
        absScores.attach(scope);
        NDArray mask = global == null ? TopKMask.layer(absScores, ratio) : global.maskFor(this, scope);
        return kind.effectiveWeight(w, absScores, mask);
    }

    /** The bias for this forward pass, or null. */
    protected NDArray bias(ParameterStore store, Device device, boolean training) {
        return bias == null ? null : store.getValue(bias, device, training);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = effectiveWeight(store, x.getManager(), x.getDevice(), training);
        return geometry.apply(x, w, bias(store, x.getDevice(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {geometry.outputShape(inputShapes[0])};
    }

    /** The current 0/1 mask of the scores (no gradient), in {@code manager}. */
    public NDArray mask(NDManager manager) {
        if (fixedMask != null) {
            return Scopes.local(manager, fixedMask);
        }
        return global == null ? TopKMask.layer(absScores(manager), ratio) : global.maskNow(this, manager);
    }

    /**
     * Switches from the search to fine-tuning the ticket (the SLT paper's FT ablation): the mask is frozen as it is
     * now, the weight takes the ticket's deployable value (W ⊙ M, or α·sign(W) ⊙ M for biprop) and becomes
     * trainable, and the scores freeze. Forward passes then use W ⊙ M, so pruned weights stay exactly zero while
     * the kept ones train in full precision. Call it between training phases, with no gradient collector open.
     */
    public void startFineTuning() {
        fixMask();
        scores.freeze(true);
        weight.freeze(false);
    }

    /**
     * Freezes the ticket as it is now: the mask, and the weight at its deployable value (W ⊙ M, or α·sign(W) ⊙ M
     * with α as it is now), none of it trained any more. Stage 2 of Algorithm 1 (MultiSp) trains the rest of the
     * network on the frozen patch embedding. Call it between training phases, with no gradient collector open.
     */
    public void freezeTicket() {
        fixMask();
        scores.freeze(true);
        weight.freeze(true);
    }

    private void fixMask() {
        if (fixedMask != null) {
            return;
        }
        NDArray w = weight.getArray();
        try (NDManager scope = w.getManager().newSubManager()) {
            NDArray mask = mask(scope);
            NDArray deployable = finalWeight(scope);
            w.set(deployable.toType(w.getDataType(), false).toByteBuffer());
            mask.attach(w.getManager());
            fixedMask = mask;
        }
    }

    /**
     * The deployable weight for the current scores: W ⊙ M (edge-popup) or α·sign(W) ⊙ M (biprop), no gradient,
     * in {@code manager}.
     */
    public NDArray finalWeight(NDManager manager) {
        if (fixedMask != null) {
            return Scopes.local(manager, weight.getArray()).mul(fixedMask).stopGradient();
        }
        NDArray absScores = absScores(manager);
        NDArray mask = global == null ? TopKMask.layer(absScores, ratio) : global.maskNow(this, manager);
        return kind.deployableWeight(weight.getArray(), mask).stopGradient();
    }

    private NDArray absScores(NDManager manager) {
        NDArray absScores = scores.getArray().abs();
        absScores.attach(manager);
        return absScores;
    }
}
