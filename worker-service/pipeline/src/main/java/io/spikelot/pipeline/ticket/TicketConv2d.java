package io.spikelot.pipeline.ticket;

import ai.djl.training.initializer.Initializer;
import io.spikelot.model.arch.Conv2dLayer;
import io.spikelot.pipeline.model.WeightGeometry;
import io.spikelot.pipeline.model.WeightInit;

/**
 * A square 2-D convolution with a ticket-search weight: {@code [N, in, H, W] → [N, out, H', W']},
 * {@code H' = ⌊(H + 2·padding − kernel)/stride⌋ + 1}; weight and scores {@code [out, in, k, k]}.
 */
public final class TicketConv2d extends TicketLayer {

    public TicketConv2d(Conv2dLayer layer, TicketKind kind, PruneRatio ratio, Initializer weightInit) {
        this(layer, kind, ratio, weightInit, WeightInit.scores());
    }

    TicketConv2d(Conv2dLayer layer, TicketKind kind, PruneRatio ratio, Initializer weightInit, Initializer scoreInit) {
        super(kind, ratio, WeightGeometry.conv(layer), layer.bias(), weightInit, scoreInit);
    }
}
