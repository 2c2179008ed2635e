package io.spikelot.pipeline.ticket;

import ai.djl.training.initializer.Initializer;
import io.spikelot.model.arch.LinearLayer;
import io.spikelot.pipeline.model.WeightGeometry;
import io.spikelot.pipeline.model.WeightInit;

/**
 * A fully connected layer on the last axis with a ticket-search weight: {@code [..., in] → [..., out]} (a vector
 * per sample or a token sequence); weight and scores {@code [out, in]}.
 */
public final class TicketLinear extends TicketLayer {

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
        super(kind, ratio, WeightGeometry.linear(inFeatures, outFeatures), hasBias, weightInit, scoreInit);
    }
}
