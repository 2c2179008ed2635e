package io.spikelot.pipeline.ticket;

import ai.djl.nn.Block;
import ai.djl.training.initializer.Initializer;
import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.Conv2dLayer;
import io.spikelot.model.arch.LinearLayer;
import io.spikelot.model.arch.WeightLayer;
import io.spikelot.pipeline.model.WeightLayerFactory;
import java.util.function.Predicate;

/**
 * Builds edge-popup or biprop layers for the catalog's prunable weight layers that {@code searched} selects, and
 * ordinary dense layers for the rest (SLT PEPSp searches only the ConvPEP convs and trains the rest dense, D6).
 * Catalog names are kept: the frozen weight stays {@code <layer>.weight}, the scores are {@code <layer>.scores}.
 */
public final class TicketLayerFactory implements WeightLayerFactory {

    private final TicketKind kind;
    private final PruneRatio ratio;
    private final Initializer init;
    private final Predicate<WeightLayer> searched;
    private final GlobalScope global;
    private final WeightLayerFactory dense = WeightLayerFactory.dense();

    /**
     * @param searched which prunable layers get scores; {@link #allLayers()} for (S)LT/MP(S)LT on CNNs (D4: first
     *     and last layers included), {@link #convPepOnly()} for PEPSp
     */
    public TicketLayerFactory(TicketKind kind, PruneRatio ratio, Initializer init, Predicate<WeightLayer> searched) {
        this(kind, ratio, init, searched, false);
    }

    /**
     * @param globalScope whether the searched layers share one ranking with an exact total kept count
     *     ({@code scope: global}) instead of one per layer; layers must then be built in forward order, as
     *     {@code NetworkBuilder} does
     */
    public TicketLayerFactory(
            TicketKind kind, PruneRatio ratio, Initializer init, Predicate<WeightLayer> searched, boolean globalScope) {
        this.kind = kind;
        this.ratio = ratio;
        this.init = init;
        this.searched = searched;
        this.global = globalScope ? new GlobalScope(ratio) : null;
    }

    /**
     * What a search covers in {@code architecture}: the ConvPEP convs when it has a Spikformer patch embedding
     * (PEPSp, MultiSp), else every prunable layer.
     */
    public static Predicate<WeightLayer> searchedLayers(Architecture architecture) {
        Predicate<WeightLayer> convPep = convPepOnly();
        return architecture.weightLayers().stream().anyMatch(convPep) ? convPep : allLayers();
    }

    /** Every prunable layer, as edge-popup and biprop do. */
    public static Predicate<WeightLayer> allLayers() {
        return WeightLayer::prunable;
    }

    /** Only the Spikformer patch-embedding convs (PEPSp, §4.2). */
    public static Predicate<WeightLayer> convPepOnly() {
        return layer -> layer.prunable() && layer instanceof Conv2dLayer conv && conv.convPep();
    }

    @Override
    public Block conv(Conv2dLayer layer) {
        return searched.test(layer) ? scoped(new TicketConv2d(layer, kind, ratio, init)) : dense.conv(layer);
    }

    @Override
    public Block linear(LinearLayer layer) {
        return searched.test(layer) ? scoped(new TicketLinear(layer, kind, ratio, init)) : dense.linear(layer);
    }

    private TicketLayer scoped(TicketLayer layer) {
        if (global != null) {
            layer.joinGlobalScope(global);
        }
        return layer;
    }
}
