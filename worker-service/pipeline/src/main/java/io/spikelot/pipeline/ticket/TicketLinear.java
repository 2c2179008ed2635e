package io.spikelot.pipeline.ticket;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import io.spikelot.model.arch.LinearLayer;

/**
 * A fully connected layer on the last axis with a ticket-search weight: {@code [..., in] → [..., out]} (a vector
 * per sample or a token sequence); weight and scores {@code [out, in]}.
 */
public final class TicketLinear extends TicketLayer {

    private final int outFeatures;

    public TicketLinear(LinearLayer layer, TicketKind kind, PruneRatio ratio, Initializer weightInit) {
        this(layer.inFeatures(), layer.outFeatures(), layer.bias(), kind, ratio, weightInit, WeightInit.scores());
    }

    TicketLinear(
            int inFeatures,
            int outFeatures,
            boolean hasBias,
            TicketKind kind,
            PruneRatio ratio,
            Initializer weightInit,
            Initializer scoreInit) {
        super(kind, ratio, new Shape(outFeatures, inFeatures), hasBias, weightInit, scoreInit);
        this.outFeatures = outFeatures;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = effectiveWeight(store, x.getManager(), x.getDevice(), training);
        return Linear.linear(x, w, bias(store, x.getDevice(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {in.slice(0, in.dimension() - 1).add(outFeatures)};
    }
}
