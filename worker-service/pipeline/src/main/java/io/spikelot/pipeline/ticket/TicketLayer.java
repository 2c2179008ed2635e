package io.spikelot.pipeline.ticket;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

/**
 * A conv or linear layer whose weight W is frozen and random and whose learned object is one score per weight
 * (§2, §3). Direct parameters: {@code weight} (frozen), {@code scores} (trainable) and, when the catalog layer has
 * one, {@code bias} (trainable and dense: edge-popup nets have none, and the Spikformer linears that have one are
 * not ticket-searched by PEPSp). The model's {@code ParameterIndex} lists them as {@code <layer>.weight},
 * {@code <layer>.scores} and {@code <layer>.bias}.
 */
public abstract class TicketLayer extends AbstractBlock {

    private final TicketKind kind;
    private final PruneRatio ratio;
    private final Parameter weight;
    private final Parameter scores;
    private final Parameter bias;

    /**
     * @param weightShape {@code [out, in, k, k]} or {@code [out, in]}
     * @param weightInit the frozen weights' distribution ({@link WeightInit}, or a fixed array in tests)
     * @param scoreInit the scores' distribution ({@link WeightInit#scores()} normally)
     */
    protected TicketLayer(
            TicketKind kind,
            PruneRatio ratio,
            Shape weightShape,
            boolean hasBias,
            Initializer weightInit,
            Initializer scoreInit) {
        this.kind = kind;
        this.ratio = ratio;
        this.weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(weightShape)
                .optInitializer(weightInit)
                .optRequiresGrad(false)
                .build());
        this.scores = addParameter(Parameter.builder()
                .setName("scores")
                .setType(Parameter.Type.OTHER)
                .optShape(weightShape)
                .optInitializer(scoreInit)
                .build());
        this.bias = hasBias
                ? addParameter(Parameter.builder()
                        .setName("bias")
                        .setType(Parameter.Type.BIAS)
                        .optShape(new Shape(weightShape.get(0)))
                        .build())
                : null;
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
        NDArray s = store.getValue(scores, device, training);
        NDArray absScores = s.abs();
        absScores.attach(scope);
        return kind.effectiveWeight(w, absScores, TopKMask.layer(absScores, ratio));
    }

    /** The bias for this forward pass, or null. */
    protected NDArray bias(ParameterStore store, Device device, boolean training) {
        return bias == null ? null : store.getValue(bias, device, training);
    }

    /** The current 0/1 mask of the scores (no gradient), in {@code manager}. */
    public NDArray mask(NDManager manager) {
        return TopKMask.layer(absScores(manager), ratio);
    }

    /**
     * The deployable weight for the current scores: W ⊙ M (edge-popup) or α·sign(W) ⊙ M (biprop), no gradient,
     * in {@code manager}.
     */
    public NDArray finalWeight(NDManager manager) {
        NDArray absScores = absScores(manager);
        NDArray mask = TopKMask.layer(absScores, ratio);
        return kind.effectiveWeight(weight.getArray(), absScores, mask).stopGradient();
    }

    private NDArray absScores(NDManager manager) {
        NDArray absScores = scores.getArray().abs();
        absScores.attach(manager);
        return absScores;
    }
}
